// Files the demo plots (scripts/lib/demo-plots.ts) right after the demo batches are indexed
// (scripts/demo-activity.ts): each batch's plots under the organisation of the wallet that minted
// it, linked with their shares, the list's hash in the audit log. Idempotent: a batch that lists
// plots already is left alone.
import { and, eq, isNotNull, sql } from "drizzle-orm";

import { recordAudit } from "../../lib/audit/record";
import type { Db } from "../../lib/db";
import { batches, batchPlots, organisationWallets, plots } from "../../lib/db/schema";
import { auditedPlot } from "../../lib/eudr/audited";
import { holdLayers, measurePlots } from "../../lib/eudr/measure";
import { plotListHash } from "../../lib/eudr/plot-hash";
import { preparePlot } from "../../lib/eudr/prepare";
import { ZPlotFields } from "../../lib/eudr/schemas";
import { demoPlotsFor } from "./demo-plots";

const actor = { kind: "system" as const, id: "demo" };

/** The demo batches in mint order (token id), each with its place in that order. */
export async function ensureDemoPlots(db: Db): Promise<number> {
  const rows = await db
    .select({ batch: batches, organisationId: organisationWallets.organisationId })
    .from(batches)
    .leftJoin(organisationWallets, eq(organisationWallets.address, sql`lower(${batches.ownerAddress})`))
    .where(isNotNull(batches.tokenId))
    .orderBy(sql`${batches.tokenId}::numeric`);
  let seeded = 0;
  for (const [index, { batch, organisationId }] of rows.entries()) {
    const wanted = demoPlotsFor(
      {
        batch_code: batch.batchCode,
        origin_country: batch.originCountry,
        region: batch.region,
        farm: batch.farm,
        cooperative: batch.cooperative,
      },
      index,
    );
    if (!wanted.length) continue;
    const isSeeded = await db.transaction(async (tx) => {
      await holdLayers(tx);
      const [linked] = await tx
        .select({ id: batchPlots.plotId })
        .from(batchPlots)
        .where(eq(batchPlots.batchId, batch.id))
        .limit(1);
      if (linked) return false;
      const list: { id: number; reference: string; geometry: unknown; share_pct: string }[] = [];
      const created: number[] = [];
      for (const { share_pct, ...p } of wanted) {
        const prepared = preparePlot(ZPlotFields.parse(p));
        // A bow tie whose two halves cancel out has no area to store: that plot stays missing.
        if ("errors" in prepared) continue;
        const [fresh] = await tx
          .insert(plots)
          .values({ ...prepared.plot, organisationId: organisationId ?? null })
          .onConflictDoNothing()
          .returning();
        if (fresh) {
          created.push(fresh.id);
          await recordAudit(tx, {
            entity: "plot",
            entityId: fresh.id,
            action: "created",
            actor,
            after: auditedPlot(fresh),
            note: "Demo plot.",
          });
        }
        const [row] = await tx
          .select({ id: plots.id, geometry: plots.geometry })
          .from(plots)
          .where(
            and(
              eq(plots.reference, p.reference),
              organisationId ? eq(plots.organisationId, organisationId) : sql`${plots.organisationId} is null`,
            ),
          );
        list.push({ id: row.id, reference: p.reference, geometry: row.geometry, share_pct: `${share_pct}.00` });
      }
      if (!list.length) return false;
      await measurePlots(tx, created);
      await tx.insert(batchPlots).values(list.map((p) => ({ batchId: batch.id, plotId: p.id, sharePct: p.share_pct })));
      await recordAudit(tx, {
        entity: "batch_plots",
        entityId: batch.id,
        batchId: batch.id,
        action: "plots_linked",
        actor,
        after: { plots: list.map((p) => `${p.reference} ${p.share_pct}%`), plots_hash: plotListHash(list) },
        note: "Demo plots.",
      });
      return true;
    });
    if (isSeeded) seeded++;
  }
  return seeded;
}
