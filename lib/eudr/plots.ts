// Plots: created, edited, listed and read within the caller's scope. The operating company's staff see
// every plot (their own are kept without an organisation); a producer's members see and file their
// organisation's. Every create and edit is audited, so a plot's page shows its edit history.
import "server-only";

import { and, desc, eq, ilike, lt, sql, type SQL } from "drizzle-orm";

import { decodeCursor, pageByIdDesc } from "@/lib/api/cursor";
import { ApiError } from "@/lib/api/errors";
import { entityHistory } from "@/lib/audit/history";
import { recordAudit, type Actor } from "@/lib/audit/record";
import type { Scope } from "@/lib/auth/scope";
import { batchIdsInScope, ownedInScope } from "@/lib/batches/scope";
import type { Db, Tx } from "@/lib/db";
import { batches, batchPlots, organisations, plots } from "@/lib/db/schema";

import { auditedPlot } from "./audited";
import { recordPlotChanges } from "./batch-hash";
import { holdLayers, measurePlots } from "./measure";
import { canonicalJson } from "./plot-hash";
import { preparePlot, type PreparedPlot } from "./prepare";
import type { NewPlot, PlotEdit, PlotQuery } from "./schemas";

export type Plot = typeof plots.$inferSelect;
export { auditedPlot };
export type Who = { actor: Actor; userId: number | null };

export const plotsInScope = (scope: Scope) => ownedInScope(scope, plots.organisationId);

export const toPlotJson = (p: Plot, organisation: string | null = null) => ({
  id: p.id,
  organisation_id: p.organisationId,
  organisation,
  reference: p.reference,
  producer_name: p.producerName,
  country: p.country,
  region: p.region,
  geometry: p.geometry as PreparedPlot["geometry"],
  area_ha: p.areaHa,
  problems: p.problems,
  has_problems: p.problems.length > 0,
  created_at: p.createdAt.toISOString(),
  updated_at: p.updatedAt.toISOString(),
});
export type PlotJson = ReturnType<typeof toPlotJson>;

/** The organisation new plots go under: a member's own; for staff, the one named (if it exists) or none. */
export async function ownerOf(db: Db | Tx, scope: Scope, requested: number | null | undefined): Promise<number | null> {
  if (scope.kind === "none") throw new ApiError("forbidden", "Your wallet is not approved into an organisation yet.");
  if (scope.kind === "organisation") {
    if (requested && requested !== scope.organisationId)
      throw new ApiError("forbidden", "Members file plots under their own organisation only.");
    return scope.organisationId;
  }
  if (!requested) return null;
  const [org] = await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.id, requested));
  if (!org)
    throw new ApiError("rule_broken", `organisation_id: organisation ${requested} does not exist.`, [
      { path: "organisation_id", message: "no such organisation" },
    ]);
  return requested;
}

/** Plots of one organisation are filed one writer at a time, so a reference is never taken twice at once. */
export const lockOrganisationPlots = (tx: Tx, organisationId: number | null) =>
  tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`plots:${organisationId ?? "staff"}`}, 0))`);

const unusable = (errors: string[]) =>
  new ApiError("rule_broken", `The plot cannot be stored: ${errors.join(" ")}`, { reasons: errors });

export async function createPlot(db: Db, scope: Scope, input: NewPlot, who: Who): Promise<number> {
  const prepared = preparePlot(input);
  if ("errors" in prepared) throw unusable(prepared.errors);
  const organisationId = await ownerOf(db, scope, input.organisation_id);
  return db.transaction(async (tx) => {
    await holdLayers(tx);
    await lockOrganisationPlots(tx, organisationId);
    const [taken] = await tx
      .select({ id: plots.id })
      .from(plots)
      .where(and(eq(plots.reference, prepared.plot.reference), ownerIs(organisationId)));
    if (taken)
      throw new ApiError(
        "conflict",
        `Plot ${prepared.plot.reference} already exists (plot ${taken.id}): edit it instead.`,
        {
          plot_id: taken.id,
        },
      );
    const [row] = await tx
      .insert(plots)
      .values({ ...prepared.plot, organisationId, createdBy: who.userId })
      .returning();
    await recordAudit(tx, {
      entity: "plot",
      entityId: row.id,
      action: "created",
      actor: who.actor,
      after: auditedPlot(row),
    });
    await measurePlots(tx, [row.id]);
    return row.id;
  });
}

export const ownerIs = (organisationId: number | null): SQL =>
  organisationId === null ? sql`${plots.organisationId} is null` : eq(plots.organisationId, organisationId);

export async function getPlotRow(db: Db | Tx, scope: Scope, id: number, lock = false): Promise<Plot> {
  const query = db
    .select()
    .from(plots)
    .where(and(eq(plots.id, id), plotsInScope(scope)));
  const [row] = lock ? await query.for("update") : await query;
  if (!row) throw new ApiError("not_found", `Plot ${id} does not exist.`);
  return row;
}

/** An edit re-checks the whole plot; an edit that changes nothing records nothing. */
export async function editPlot(db: Db, scope: Scope, id: number, edit: PlotEdit, who: Who): Promise<void> {
  await db.transaction(async (tx) => {
    await holdLayers(tx);
    const before = await getPlotRow(tx, scope, id, true);
    const merged = {
      reference: edit.reference ?? before.reference,
      producer_name: edit.producer_name ?? before.producerName,
      country: edit.country ?? before.country,
      region: edit.region === undefined ? before.region : edit.region,
      geometry: edit.geometry ?? (before.geometry as PreparedPlot["geometry"]),
      area_ha: edit.area_ha === undefined ? before.areaHa : edit.area_ha,
    };
    const prepared = preparePlot(merged);
    if ("errors" in prepared) throw unusable(prepared.errors);
    if (await updatePlot(tx, before, prepared.plot, who)) await measurePlots(tx, [id]);
  });
}

/**
 * Writes a prepared plot over a stored one and audits it; answers whether anything changed. The
 * caller then measures the plot against the deforestation layers again (`measurePlots`).
 */
export async function updatePlot(tx: Tx, before: Plot, next: PreparedPlot, who: Who): Promise<boolean> {
  const [was, will] = [auditedPlot(before), auditedPlot(next)];
  if (canonicalJson(was) === canonicalJson(will)) return false;
  if (next.reference !== before.reference) {
    const [taken] = await tx
      .select({ id: plots.id })
      .from(plots)
      .where(and(eq(plots.reference, next.reference), ownerIs(before.organisationId)));
    if (taken)
      throw new ApiError("conflict", `Plot ${next.reference} already exists (plot ${taken.id}).`, {
        plot_id: taken.id,
      });
  }
  const [row] = await tx
    .update(plots)
    .set({ ...next, updatedAt: new Date() })
    .where(eq(plots.id, before.id))
    .returning();
  await recordAudit(tx, {
    entity: "plot",
    entityId: before.id,
    action: "edited",
    actor: who.actor,
    before: was,
    after: auditedPlot(row),
  });
  await recordPlotChanges(tx, [before.id], who.actor);
  return true;
}

export async function listPlots(db: Db, scope: Scope, q: PlotQuery) {
  const where = [plotsInScope(scope)];
  if (q.country) where.push(eq(plots.country, q.country));
  if (q.has_problems)
    where.push(sql`jsonb_array_length(${plots.problems}) ${sql.raw(q.has_problems === "yes" ? ">" : "=")} 0`);
  if (q.q) {
    const like = `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(
      sql`(${ilike(plots.reference, like)} or ${ilike(plots.producerName, like)} or ${ilike(sql`coalesce(${plots.region}, '')`, like)})`,
    );
  }
  if (q.cursor) where.push(lt(plots.id, decodeCursor(q.cursor, "id", "desc").id));
  const rows = await db
    .select({ plot: plots, organisation: organisations.name })
    .from(plots)
    .leftJoin(organisations, eq(organisations.id, plots.organisationId))
    .where(and(...where))
    .orderBy(desc(plots.id))
    .limit(q.limit + 1);
  return pageByIdDesc(
    rows,
    q.limit,
    (r) => r.plot.id,
    (r) => toPlotJson(r.plot, r.organisation),
  );
}

/** The countries the scope's plots lie in, for the list's filter. */
export async function listPlotCountries(db: Db, scope: Scope): Promise<string[]> {
  const rows = await db
    .selectDistinct({ country: plots.country })
    .from(plots)
    .where(plotsInScope(scope))
    .orderBy(plots.country);
  return rows.map((r) => r.country);
}

/** A plot with its edit history and the batches (in scope) that list it. */
export async function getPlot(db: Db, scope: Scope, id: number) {
  const plot = await getPlotRow(db, scope, id);
  const [[org], linked, history] = await Promise.all([
    plot.organisationId
      ? db.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, plot.organisationId))
      : [undefined],
    db
      .select({ id: batches.id, batch_code: batches.batchCode, share_pct: batchPlots.sharePct })
      .from(batchPlots)
      .innerJoin(batches, eq(batches.id, batchPlots.batchId))
      .where(and(eq(batchPlots.plotId, id), sql`${batches.id} in ${batchIdsInScope(scope)}`))
      .orderBy(batches.batchCode),
    entityHistory(db, "plot", id),
  ]);
  return { ...toPlotJson(plot, org?.name ?? null), batches: linked, history };
}
