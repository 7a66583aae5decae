// A batch's plot list as stored, and its hash recorded in the audit log (which the audit anchor puts on
// chain) whenever the list, or a plot on it, changes.
import "server-only";

import { asc, eq, inArray } from "drizzle-orm";

import { recordAudit, type Actor } from "@/lib/audit/record";
import type { Db, Tx } from "@/lib/db";
import { batchPlots, plots } from "@/lib/db/schema";

import { plotListHash } from "./plot-hash";

export async function readPlotList(db: Db | Tx, batchId: number) {
  return db
    .select({ plot: plots, sharePct: batchPlots.sharePct })
    .from(batchPlots)
    .innerJoin(plots, eq(plots.id, batchPlots.plotId))
    .where(eq(batchPlots.batchId, batchId))
    .orderBy(asc(plots.reference));
}

export const hashOf = (list: Awaited<ReturnType<typeof readPlotList>>) =>
  plotListHash(list.map((r) => ({ reference: r.plot.reference, geometry: r.plot.geometry, share_pct: r.sharePct })));

/** What the audit log keeps of a batch's list: each plot's reference and share, and the list's hash. */
export const auditedList = (list: Awaited<ReturnType<typeof readPlotList>>) => ({
  plots: list.map((r) => `${r.plot.reference} ${r.sharePct}%`),
  plots_hash: hashOf(list),
});

/** After plots were edited: each batch listing one of them gets its list's new hash in the audit log. */
export async function recordPlotChanges(tx: Tx, plotIds: number[], actor: Actor): Promise<void> {
  if (!plotIds.length) return;
  const linked = await tx
    .selectDistinct({ batchId: batchPlots.batchId })
    .from(batchPlots)
    .where(inArray(batchPlots.plotId, plotIds))
    .orderBy(batchPlots.batchId);
  for (const { batchId } of linked)
    await recordAudit(tx, {
      entity: "batch_plots",
      entityId: batchId,
      batchId,
      action: "plot_edited",
      actor,
      after: auditedList(await readPlotList(tx, batchId)),
      note: "A plot on the batch's list was edited.",
    });
}
