// What the due diligence of some batches rests on: their plots with geometry, each plot's newest
// declaration, documents and deforestation overlap, gathered once for the risk and the statement.
// Only reads: each overlap was stored when its plot was filed or moved, or its layer uploaded.
import "server-only";

import { asc, count, inArray, sql } from "drizzle-orm";
import type { Point, Polygon } from "geojson";

import type { Db } from "@/lib/db";
import { batchPlots, deforestationLayers, plots } from "@/lib/db/schema";

import { evidenceOf } from "./declarations";
import { overlapsOf } from "./layers";
import type { RiskPlot } from "./risk";

export type EvidencePlot = RiskPlot & {
  batchIds: number[];
  region: string | null;
  geometry: Point | Polygon;
  documents: { id: number; filename: string; sizeBytes: number }[];
  declaredOn: string | null;
  declarant: string | null;
};

export async function loadEvidence(db: Db, batchIds: number[]): Promise<{ plots: EvidencePlot[]; layerCount: number }> {
  if (!batchIds.length) return { plots: [], layerCount: 0 };
  const rows = await db
    .select({
      id: plots.id,
      reference: plots.reference,
      producerName: plots.producerName,
      country: plots.country,
      region: plots.region,
      geometry: plots.geometry,
      areaHa: plots.areaHa,
      problems: plots.problems,
      batchIds: sql<number[]>`array_agg(${batchPlots.batchId}::int order by ${batchPlots.batchId})`,
    })
    .from(plots)
    .innerJoin(batchPlots, sql`${batchPlots.plotId} = ${plots.id}`)
    .where(inArray(batchPlots.batchId, batchIds))
    .groupBy(plots.id)
    .orderBy(asc(plots.reference), asc(plots.id));
  const ids = rows.map((r) => r.id);
  const [{ declarations, documents }, overlaps, [layers]] = await Promise.all([
    evidenceOf(db, ids),
    overlapsOf(db, ids),
    db.select({ n: count() }).from(deforestationLayers),
  ]);
  return {
    layerCount: layers.n,
    plots: rows.map((r) => {
      const geometry = r.geometry as Point | Polygon;
      const declaration = declarations.get(r.id);
      const overlap = Math.max(0, ...overlaps.filter((o) => o.plotId === r.id).map((o) => Number(o.overlapHa)));
      return {
        ...r,
        geometry,
        geometryType: geometry.type,
        declaration: declaration
          ? { landUse: declaration.landUse, isDeforestationFree: declaration.isDeforestationFree }
          : null,
        declaredOn: declaration?.declaredOn ?? null,
        declarant: declaration?.declarant ?? null,
        documents: documents.get(r.id) ?? [],
        documentCount: (documents.get(r.id) ?? []).length,
        overlapHa: overlap.toFixed(4),
      };
    }),
  };
}
