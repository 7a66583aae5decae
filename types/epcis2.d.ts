// The parts of epcis2.js (its bundled types are not wired to its package.json) that lib/epcis uses.
// Its webpack bundle hides its named exports from Node's ES module loader: import the default.
declare module "epcis2.js" {
  type Event = {
    generateHashID(context: Record<string, string>, throwError: boolean): string;
    toObject(): Record<string, unknown>;
  };
  type EPCISDocument = {
    addEvent(event: Event): EPCISDocument;
    isValid(): boolean;
    toObject(): Record<string, unknown>;
  };
  const epcis2: {
    EPCISDocument: new (object?: Record<string, unknown>) => EPCISDocument;
    objectToEvent(object: Record<string, unknown>): Event;
  };
  export default epcis2;
}
