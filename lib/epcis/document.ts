// An EPCIS 2.0 document of events, built with epcis2.js: each event gets its hash id (CBV 2.0's
// event hash, `ni:///sha-256;…?ver=CBV2.0`), so the same history always gives the same ids.
import epcis2 from "epcis2.js";

import { extensionContext, type EpcisEvent } from "./events";

const { EPCISDocument, objectToEvent } = epcis2;

export const epcisContext = "https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld";

export type EpcisDocumentJson = Record<string, unknown> & {
  epcisBody: { eventList: (EpcisEvent & { eventID: string })[] };
};

export function buildEpcisDocument(events: EpcisEvent[], creationDate: Date): EpcisDocumentJson {
  const doc = new EPCISDocument({
    "@context": [epcisContext, extensionContext],
    type: "EPCISDocument",
    schemaVersion: "2.0",
    creationDate: creationDate.toISOString(),
  });
  for (const e of events) {
    const event = objectToEvent(e);
    event.generateHashID(extensionContext, true);
    doc.addEvent(event);
  }
  // Through JSON: the library's objects carry their methods.
  const json = JSON.parse(JSON.stringify(doc.toObject())) as EpcisDocumentJson;
  // The library leaves out a body with no events; the standard wants an (empty) event list.
  json.epcisBody ??= { eventList: [] };
  json.epcisBody.eventList ??= [];
  return json;
}
