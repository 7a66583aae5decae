// Deforestation layers: an operator uploads the areas deforested after 2020-12-31, and each plot's
// overlap with them (hectares) is stored per plot per layer, for the risk assessment.
import "server-only";

import { and, desc, eq, inArray, sql } from "drizzle-orm";

import { ApiError } from "@/lib/api/errors";
import { recordAudit, type Actor } from "@/lib/audit/record";
import type { Db } from "@/lib/db";
import { deforestationLayers, plotOverlaps } from "@/lib/db/schema";

import type { NewDeforestationLayer } from "./due-diligence-schemas";
import { holdLayersAlone, measureMissing } from "./measure";
import { areaProblem } from "./overlap";

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
    await holdLayersAlone(tx);
    const [layer] = await tx
      .insert(deforestationLayers)
      .values({
        name: input.name,
        features: input.geojson,
        featureCount: input.geojson.features.length,
        createdBy: userId,
      })
      .returning({ id: deforestationLayers.id });
    // Every plot against the new layer, and any pair an older layer still lacks.
    await measureMissing(tx);
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
