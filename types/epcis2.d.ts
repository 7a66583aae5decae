// The parts of epcis2.js (its bundled types are not wired to its package.json) that lib/epcis uses.
declare module "epcis2.js" {
  export type Event = {
    generateHashID(context: Record<string, string>, throwError: boolean): string;
    toObject(): Record<string, unknown>;
  };
  export function objectToEvent(object: Record<string, unknown>): Event;
  export class EPCISDocument {
    constructor(object?: Record<string, unknown>);
    addEvent(event: Event): EPCISDocument;
    isValid(): boolean;
    toObject(): Record<string, unknown>;
  }
}
