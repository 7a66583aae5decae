// The EPCIS 2.0 exports: one batch's whole history, or every in-scope batch's events in a date range
// (UTC days, both included), each a JSON-LD document checked against the official schema.
import "server-only";

import { eq } from "drizzle-orm";

import { ApiError } from "@/lib/api/errors";
import type { Scope } from "@/lib/auth/scope";
import { batchesInScope } from "@/lib/batches/scope";
import type { Db } from "@/lib/db";
import { batches } from "@/lib/db/schema";

import { buildEpcisDocument, type EpcisDocumentJson } from "./document";
import { eventsOf } from "./events";
import { listHistory, type HistoryQuery } from "./history";
import { bulkEventLimit, type EpcisRange } from "./schemas";
import { epcisSchemaErrors } from "./validate";

/** `limit`: events per bulk document (tests lower it). */
type Options = { companyPrefix: string; now?: Date; limit?: number };

/** One batch's history is never cut; a batch with more events than this is refused rather than sent in part. */
const batchEventLimit = 50_000;

async function documentOf(
  db: Db,
  q: Omit<HistoryQuery, "limit">,
  limit: number,
  { companyPrefix, now = new Date() }: Options,
) {
  const records = await listHistory(db, { ...q, limit: limit + 1 });
  const events = records.flatMap((r) => eventsOf(r, { companyPrefix }));
  if (events.length > limit)
    throw new ApiError(
      "rule_broken",
      `More than ${limit} EPCIS events in one document: ${q.from ? "ask for a shorter date range" : "this batch's history is too long to export at once"}.`,
      { limit },
    );
  const doc = buildEpcisDocument(events, now);
  const errors = epcisSchemaErrors(doc);
  // Our own mapping is wrong if this happens: a 500, with the schema's words in the log.
  if (errors.length) throw new Error(`EPCIS export fails the EPCIS 2.0 schema: ${errors.slice(0, 5).join("; ")}`);
  return doc;
}

/** One batch's history as EPCIS events, oldest first; 404 for a batch the database does not have. */
export async function exportBatchEpcis(db: Db, batchId: number, options: Options): Promise<EpcisDocumentJson> {
  const [batch] = await db.select({ id: batches.id }).from(batches).where(eq(batches.id, batchId));
  if (!batch) throw new ApiError("not_found", `Batch ${batchId} does not exist.`);
  return documentOf(db, { where: eq(batches.id, batchId) }, batchEventLimit, options);
}

/** Every in-scope batch's events from `from` to `to` (UTC days, both included); 422 past the limit. */
export async function exportRangeEpcis(
  db: Db,
  scope: Scope,
  range: EpcisRange,
  options: Options,
): Promise<EpcisDocumentJson> {
  const from = new Date(`${range.from}T00:00:00Z`);
  // The day after 9999-12-31 has no ISO 8601 form Postgres reads: that range is open-ended.
  const to = range.to === "9999-12-31" ? undefined : new Date(new Date(`${range.to}T00:00:00Z`).getTime() + 86_400_000);
  return documentOf(db, { where: batchesInScope(scope), from, to }, options.limit ?? bulkEventLimit, options);
}
