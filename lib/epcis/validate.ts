// Checks a document against the official EPCIS 2.0 JSON schema (vendored: lib/epcis/schema/README.md)
// with ajv, formats included (date-time, uri).
import Ajv from "ajv";
import addFormats from "ajv-formats";

import schema from "./schema/EPCIS-JSON-Schema.json";

const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(schema);

/** The schema's complaints about `document` (path and message), empty when it is valid. */
export function epcisSchemaErrors(document: unknown): string[] {
  if (validate(document)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message ?? "is invalid"}`);
}
