// EPCIS 2.0: a batch's history, or every in-scope batch's events in a date range, as a GS1 EPCIS 2.0
// JSON-LD document (docs/epcis.md). Members get their organisation's batches only.
import { ZNoQuery } from "@/lib/api/params";
import { readers } from "@/lib/auth/permissions";
import { bulkEventLimit, ZEpcisRange } from "@/lib/epcis/schemas";

import { endpoints } from "./define";

const document = {
  contentType: "application/ld+json",
  description: "An EPCISDocument (schemaVersion 2.0), valid against GS1's EPCIS 2.0 JSON schema; saved as a file.",
};

export const epcis = endpoints({
  batchEpcis: {
    route: "GET /api/batches/[batch_id]/epcis",
    rule: readers,
    summary:
      "The batch's whole history as EPCIS 2.0 events, oldest first: commissioning (the mint), transfers of ownership, warehouse moves (departing and arriving), adjustments, inspections (quality checks, verified counts, returns' inspections), shipments, returns, redemption or destruction, and expiry. The batch is an LGTIN class (its GTIN and lot) counted in kilograms; each event's id is its CBV 2.0 event hash.",
    query: ZNoQuery,
    response: document,
  },

  rangeEpcis: {
    route: "GET /api/epcis",
    rule: readers,
    summary: `Every batch's EPCIS 2.0 events from \`from\` to \`to\` (dates, UTC, both included), oldest first, for the batches the caller may see. 422 past ${bulkEventLimit} events: ask for a shorter range.`,
    query: ZEpcisRange,
    response: document,
  },
});
