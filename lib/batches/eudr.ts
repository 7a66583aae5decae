// Whether a batch is EUDR-ready: it lists at least one plot, its shares sum to 100%, and none of its
// plots has a problem. One condition, for the inventory's filter, its badge and the batch page.
import "server-only";

import { inArray, sql, type SQL } from "drizzle-orm";

import type { Db } from "@/lib/db";
import { batches } from "@/lib/db/schema";

/** The condition on `batches`: true when the batch is EUDR-ready. */
export const eudrReady = (): SQL =>
  sql`(exists (select 1 from batch_plots bp where bp.batch_id = ${batches.id})
    and (select sum(bp.share_pct) from batch_plots bp where bp.batch_id = ${batches.id}) = 100
    and not exists (select 1 from batch_plots bp join plots p on p.id = bp.plot_id
      where bp.batch_id = ${batches.id} and jsonb_array_length(p.problems) > 0))`;

/** Which of these batches are EUDR-ready (the inventory's badge). */
export async function eudrReadyIds(db: Db, ids: number[]): Promise<Set<number>> {
  if (!ids.length) return new Set();
  const rows = await db
    .select({ id: batches.id })
    .from(batches)
    .where(sql`${inArray(batches.id, ids)} and ${eudrReady()}`);
  return new Set(rows.map((r) => r.id));
}
