// Deforestation layers: an operator uploads the areas deforested after 2020-12-31, and each plot's
// overlap with them (hectares) is stored per plot per layer, for the risk assessment.
import "server-only";

import { and, desc, eq, inArray, sql } from "drizzle-orm";

import { ApiError } from "@/lib/api/errors";
import { recordAudit, type Actor } from "@/lib/audit/record";
import type { Db, Tx } from "@/lib/db";
import { deforestationLayers, plotOverlaps, plots } from "@/lib/db/schema";

import type { NewDeforestationLayer } from "./due-diligence-schemas";
import { areaProblem, overlapHa, type Deforested, type PlotShape } from "./overlap";

type Layer = { id: number; features: { features: { geometry: Deforested }[] } };

async function computeOverlaps(db: Db | Tx, layers: Layer[], plotIds?: number[]) {
  const rows = await db
    .select({ id: plots.id, geometry: plots.geometry, areaHa: plots.areaHa })
    .from(plots)
    .where(plotIds ? inArray(plots.id, plotIds) : undefined);
  const values = layers.flatMap((layer) => {
    const areas = layer.features.features.map((f) => f.geometry);
    return rows.map((p) => ({ layerId: layer.id, plotId: p.id, overlapHa: overlapHa(p as PlotShape, areas) }));
  });
  for (let i = 0; i < values.length; i += 500)
    await db
      .insert(plotOverlaps)
      .values(values.slice(i, i + 500))
      .onConflictDoNothing();
}

/** Stores the layer and every plot's overlap with it, in one transaction; audited. A broken area refuses the layer. */
export async function createLayer(db: Db, input: NewDeforestationLayer, actor: Actor, userId: number | null) {
  const problems = input.geojson.features.flatMap((f, i) => {
    const problem = areaProblem(f.geometry);
    return problem ? [{ path: `geojson.features.${i}.geometry`, message: problem }] : [];
  });
  if (problems.length)
    throw new ApiError(
      "validation_error",
      problems
        .slice(0, 5)
        .map((p) => `${p.path}: ${p.message}`)
        .join("; "),
      problems,
    );
  return db.transaction(async (tx) => {
    const [layer] = await tx
      .insert(deforestationLayers)
      .values({
        name: input.name,
        features: input.geojson,
        featureCount: input.geojson.features.length,
        createdBy: userId,
      })
      .returning({ id: deforestationLayers.id });
    await computeOverlaps(tx, [{ id: layer.id, features: input.geojson }]);
    await recordAudit(tx, {
      entity: "deforestation_layer",
      entityId: layer.id,
      action: "deforestation_layer.uploaded",
      actor,
      after: { name: input.name, areas: input.geojson.features.length },
    });
    return layer.id;
  });
}

/** Computes the overlaps a plot added after a layer still lacks. */
export async function ensureOverlaps(db: Db, plotIds: number[]) {
  if (!plotIds.length) return;
  const missing = await db
    .select({ id: deforestationLayers.id, features: deforestationLayers.features })
    .from(deforestationLayers)
    .where(
      sql`exists (select 1 from ${plots} p where p.id = any(${`{${plotIds.join(",")}}`}::bigint[]) and not exists (select 1 from ${plotOverlaps} o where o.layer_id = ${deforestationLayers.id} and o.plot_id = p.id))`,
    );
  if (missing.length) await computeOverlaps(db, missing as Layer[], plotIds);
}

export async function listLayers(db: Db) {
  return db
    .select({
      id: deforestationLayers.id,
      name: deforestationLayers.name,
      featureCount: deforestationLayers.featureCount,
      createdAt: deforestationLayers.createdAt,
      plotsOverlapping: sql<number>`(select count(*)::int from ${plotOverlaps} o where o.layer_id = ${deforestationLayers.id} and o.overlap_ha > 0)`,
    })
    .from(deforestationLayers)
    .orderBy(desc(deforestationLayers.id));
}

/** Each plot's overlaps, by layer. */
export async function overlapsOf(db: Db, plotIds: number[]) {
  if (!plotIds.length) return [];
  return db
    .select({ plotId: plotOverlaps.plotId, layer: deforestationLayers.name, overlapHa: plotOverlaps.overlapHa })
    .from(plotOverlaps)
    .innerJoin(deforestationLayers, eq(deforestationLayers.id, plotOverlaps.layerId))
    .where(and(inArray(plotOverlaps.plotId, plotIds)));
}
