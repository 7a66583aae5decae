// Checks a document against the official EPCIS 2.0 JSON schema (vendored: lib/epcis/schema/README.md).
import schema from "./schema/EPCIS-JSON-Schema.json";
import { epcisValidator } from "./validator";

/** The schema's complaints about `document` (path and message), empty when it is valid. */
export const epcisSchemaErrors = epcisValidator(schema);
