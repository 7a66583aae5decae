// The dashboard's counters (see the scale migration): triggers append signed deltas, the worker
// folds them every minute, and a read sums both in one statement, so it is exact at any moment
// and costs the same at ten thousand batches as at a million.
import { sql } from "drizzle-orm";
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

/** Folds the committed deltas into the counters; returns how many counters changed. */
export async function foldCounts(db: Db): Promise<number> {
  const { rows } = await db.execute<{ folded: string }>(sql`select fold_counts()::text as folded`);
  return Number(rows[0].folded);
}
