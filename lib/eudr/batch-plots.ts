// A batch's plots: the list with shares, whether the batch is EUDR-ready and why not, and the list
// replaced as a whole (link and unlink in one call). Batch scope and plot scope both apply.
import "server-only";

import { and, eq, inArray } from "drizzle-orm";

import { ApiError } from "@/lib/api/errors";
import { recordAudit } from "@/lib/audit/record";
import type { Scope } from "@/lib/auth/scope";
import { assertBatchInScope } from "@/lib/batches/scope";
import type { Db } from "@/lib/db";
import { batches, batchPlots, plots } from "@/lib/db/schema";

import { auditedList, hashOf, readPlotList } from "./batch-hash";
import { plotsInScope, toPlotJson, type Who } from "./plots";
import type { BatchPlotsInput } from "./schemas";

/** Hundredths of a percent, so shares add up exactly. */
const hundredths = (pct: string) => Math.round(Number(pct) * 100);

/** Why a batch is not EUDR-ready (empty when it is), in the order a person would fix them. */
export function readinessReasons(list: { reference: string; problems: string[]; sharePct: string }[]): string[] {
  if (!list.length) return ["The batch lists no plots."];
  const reasons: string[] = [];
  const total = list.reduce((sum, p) => sum + hundredths(p.sharePct), 0);
  if (total !== 10_000) reasons.push(`The plots' shares sum to ${(total / 100).toFixed(2)}%, not 100%.`);
  for (const p of list) if (p.problems.length) reasons.push(`Plot ${p.reference}: ${p.problems.join(" ")}`);
  return reasons;
}

export async function getBatchPlots(db: Db, scope: Scope, batchId: number) {
  await assertBatchInScope(db, scope, batchId);
  const [batch] = await db
    .select({ id: batches.id, code: batches.batchCode })
    .from(batches)
    .where(eq(batches.id, batchId));
  if (!batch) throw new ApiError("not_found", `Batch ${batchId} does not exist.`);
  const list = await readPlotList(db, batchId);
  const reasons = readinessReasons(list.map((r) => ({ ...r.plot, sharePct: r.sharePct })));
  return {
    batch_id: batch.id,
    batch_code: batch.code,
    is_eudr_ready: reasons.length === 0,
    reasons,
    plots_hash: hashOf(list),
    plots: list.map((r) => ({ ...toPlotJson(r.plot), share_pct: r.sharePct })),
  };
}
export type BatchPlotsJson = Awaited<ReturnType<typeof getBatchPlots>>;

/** Replaces the batch's list; the new list's hash goes to the audit log. The same list again records nothing. */
export async function setBatchPlots(db: Db, scope: Scope, batchId: number, input: BatchPlotsInput, who: Who) {
  await assertBatchInScope(db, scope, batchId);
  const total = input.plots.reduce((sum, p) => sum + hundredths(p.share_pct), 0);
  if (input.plots.length && total !== 10_000)
    throw new ApiError("rule_broken", `The shares sum to ${(total / 100).toFixed(2)}%; they must sum to 100%.`, [
      { path: "plots", message: "shares must sum to 100" },
    ]);
  const ids = input.plots.map((p) => p.plot_id);
  await db.transaction(async (tx) => {
    // One writer per batch: two saves at once never interleave their delete and insert.
    const [batch] = await tx.select({ id: batches.id }).from(batches).where(eq(batches.id, batchId)).for("update");
    if (!batch) throw new ApiError("not_found", `Batch ${batchId} does not exist.`);
    const found = ids.length
      ? await tx
          .select({ id: plots.id })
          .from(plots)
          .where(and(inArray(plots.id, ids), plotsInScope(scope)))
      : [];
    const missing = ids.filter((id) => !found.some((f) => f.id === id));
    if (missing.length)
      throw new ApiError("rule_broken", `No such plot: ${missing.join(", ")}.`, [
        { path: "plots", message: `no such plot: ${missing.join(", ")}` },
      ]);
    const before = auditedList(await readPlotList(tx, batchId));
    await tx.delete(batchPlots).where(eq(batchPlots.batchId, batchId));
    if (input.plots.length)
      await tx
        .insert(batchPlots)
        .values(input.plots.map((p) => ({ batchId, plotId: p.plot_id, sharePct: p.share_pct })));
    const after = auditedList(await readPlotList(tx, batchId));
    if (after.plots_hash === before.plots_hash) return;
    await recordAudit(tx, {
      entity: "batch_plots",
      entityId: batchId,
      batchId,
      action: "plots_linked",
      actor: who.actor,
      before,
      after,
    });
  });
  return getBatchPlots(db, scope, batchId);
}
