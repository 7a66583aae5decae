// Checks a document against the official EPCIS 2.0 JSON schema (vendored: lib/epcis/schema/README.md),
// compiled with ajv, formats included (date-time, uri).
import Ajv from "ajv";
import addFormats from "ajv-formats";

import schema from "./schema/EPCIS-JSON-Schema.json" with { type: "json" };

const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(schema);

/** The schema's complaints about `document` ("path message" lines), empty when it is valid. */
export function epcisSchemaErrors(document: unknown): string[] {
  return validate(document)
    ? []
    : (validate.errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message ?? "is invalid"}`);
}
