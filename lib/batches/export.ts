// The inventory as CSV: every batch the filters match, in the list's order, read page by page by
// keyset so a million rows stream in constant memory.
import "server-only";

import type { Scope } from "@/lib/auth/scope";
import { csvRow } from "@/lib/csv";
import type { Db } from "@/lib/db";

import { listBatches } from "./list";
import type { BatchListQuery } from "./schemas";
import type { BatchJson } from "./serialize";

const PAGE = 1_000;

// Every field of the API's batch, in its order.
const columns = [
  "id",
  "chain_id",
  "token_id",
  "batch_code",
  "origin_country",
  "region",
  "farm",
  "cooperative",
  "variety",
  "process",
  "altitude_m",
  "harvest_date",
  "production_date",
  "expiry_date",
  "quantity_kg",
  "onchain_quantity",
  "price_per_kg",
  "cupping_score",
  "moisture_pct",
  "warehouse",
  "owner_address",
  "metadata_uri",
  "metadata_hash",
  "status",
  "verification_status",
  "sync_status",
  "quality_grade",
  "risk_score",
  "risk_level",
  "last_synced_at",
  "sync_error",
  "mint_tx_hash",
  "created_at",
  "updated_at",
] as const satisfies readonly (keyof BatchJson)[];

/** Only the batches in `scope`, as the list shows them. */
export function exportBatchesCsv(
  db: Db,
  query: Omit<BatchListQuery, "cursor" | "limit">,
  scope: Scope,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let cursor: string | undefined;
  let done = false;
  return new ReadableStream({
    start(controller) {
      controller.enqueue(encoder.encode(csvRow([...columns])));
    },
    async pull(controller) {
      if (done) return controller.close();
      const page = await listBatches(db, { ...query, limit: PAGE, cursor }, scope);
      let chunk = "";
      for (const b of page.data) chunk += csvRow(columns.map((c) => b[c]));
      controller.enqueue(encoder.encode(chunk));
      cursor = page.next_cursor ?? undefined;
      done = !cursor;
    },
  });
}
