// Batches: the list, one batch, the CSV export, an import from the chain, and the live stream.
import { z } from "zod";

import { operatorsAndKeys, readers, signedIn } from "@/lib/auth/permissions";
import { ZBatchExportQuery, ZBatchListQuery, ZImportRequest } from "@/lib/batches/schemas";

import { csvFile, endpoints, serverSentEvents } from "./define";
import { pageOf, textOrNull, ZBatchJson, ZOnchainJson } from "./shapes";

export const batches = endpoints({
  listBatches: {
    route: "GET /api/batches",
    rule: readers,
    summary: "Batches, with filters, sort and cursor paging.",
    query: ZBatchListQuery,
    response: pageOf(ZBatchJson),
  },

  exportBatches: {
    route: "GET /api/batches/export",
    rule: readers,
    summary:
      "Every batch the filters match, in the list's sort, as CSV (streamed, any size). Text a spreadsheet would run as a formula is prefixed with an apostrophe.",
    query: ZBatchExportQuery,
    response: csvFile("One row per batch, with a header row."),
  },

  getBatch: {
    route: "GET /api/batches/[batch_id]",
    rule: readers,
    summary:
      "One batch, with the contract's live view of it (`blockchain`), or `blockchain_error` when the chain cannot be read.",
    response: ZBatchJson.extend({ blockchain: ZOnchainJson.nullable(), blockchain_error: textOrNull }),
  },

  importBatch: {
    route: "POST /api/batches/import-from-blockchain",
    rule: operatorsAndKeys,
    summary:
      "Create (201) or refresh (200) a batch from the chain by token id (in the body, or as the query parameter `blockchain_batch_id`).",
    body: ZImportRequest,
    bodyFromQuery: true,
    response: z.object({ batch_id: z.number(), import_log_id: z.number(), action: z.enum(["created", "refreshed"]) }),
    statuses: [200, 201],
  },

  batchStream: {
    route: "GET /api/batches/stream",
    rule: signedIn,
    summary: "Server-Sent Events: a `change` message after each committed change to batches.",
    response: serverSentEvents("`change` messages."),
  },
});
