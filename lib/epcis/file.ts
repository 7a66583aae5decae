// An EPCIS document as the browser saves it: JSON-LD, a file, never cached.
import type { EpcisDocumentJson } from "./document";

export function epcisFile(doc: EpcisDocumentJson, name: string): Response {
  return new Response(JSON.stringify(doc, null, 2), {
    headers: {
      "content-type": "application/ld+json; charset=utf-8",
      "content-disposition": `attachment; filename="${name.replace(/[^\w.-]/g, "_")}.epcis.jsonld"`,
      "cache-control": "private, no-store",
    },
  });
}
