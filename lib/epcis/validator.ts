// An EPCIS 2.0 JSON schema compiled with ajv, formats included (date-time, uri): the schema's
// complaints about a document as "path message" lines, none when it is valid.
import Ajv from "ajv";
import addFormats from "ajv-formats";

export function epcisValidator(schema: object): (document: unknown) => string[] {
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  const validate = ajv.compile(schema);
  return (document) =>
    validate(document)
      ? []
      : (validate.errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message ?? "is invalid"}`);
}
