// The dashboard's counters (see the scale migration): triggers append signed deltas, the worker
// folds them every minute, and a read sums both in one statement, so it is exact at any moment
// and costs the same at ten thousand batches as at a million.
import { sql, type SQL } from "drizzle-orm";

import type { Db } from "@/lib/db";

export type Count = { n: number; kg: string; usd: string };
/** dimension → value → count, e.g. counts.status.active. */
export type Counts = Record<string, Record<string, Count>>;

/** Every counter, or only those of `dimensions`. */
export async function readCounts(db: Db, dimensions?: string[]): Promise<Counts> {
  const only = dimensions ? sql`where dimension in ${dimensions}` : sql``;
  const { rows } = await db.execute<{ dimension: string; value: string; n: string; kg: string; usd: string }>(sql`
    select dimension, value, sum(n)::text as n, sum(kg)::text as kg, sum(usd)::text as usd
    from (select dimension, value, n, kg, usd from counts ${only} union all select dimension, value, n, kg, usd from count_deltas ${only}) c
    group by dimension, value
    having sum(n) <> 0`);
  const counts: Counts = {};
  for (const r of rows) (counts[r.dimension] ??= {})[r.value] = { n: Number(r.n), kg: r.kg, usd: r.usd };
  return counts;
}

/**
 * The same counters computed from the rows of the batches in `batchIds` (a subquery), through the
 * dimension functions the triggers use: for an organisation's view, where the global counters would
 * tell about everyone's batches. A scan of its batches, which an organisation's few make cheap.
 */
export async function countBatches(db: Db, batchIds: SQL): Promise<Counts> {
  const { rows } = await db.execute<{ dimension: string; value: string; n: string; kg: string; usd: string }>(sql`
    select dimension, value, count(*)::text as n, sum(kg)::text as kg, sum(usd)::text as usd from (
      select d.* from batches b cross join lateral batch_dimensions(b) d where b.id in ${batchIds}
      union all select d.dimension, d.value, 0, 0 from batch_alerts a cross join lateral alert_dimensions(a) d where a.batch_id in ${batchIds}
      union all select d.dimension, d.value, 0, 0 from verification_requests r cross join lateral request_dimensions(r) d where r.batch_id in ${batchIds}
    ) c group by dimension, value`);
  const counts: Counts = {};
  for (const r of rows) (counts[r.dimension] ??= {})[r.value] = { n: Number(r.n), kg: r.kg, usd: r.usd };
  return counts;
}

/** Folds the committed deltas into the counters; returns how many counters changed. */
export async function foldCounts(db: Db): Promise<number> {
  const { rows } = await db.execute<{ folded: string }>(sql`select fold_counts()::text as folded`);
  return Number(rows[0].folded);
}
