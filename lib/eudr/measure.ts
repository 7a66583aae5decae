// Measuring plots against the deforestation layers, when the fact changes: a plot filed or moved is
// measured against every layer, a new layer against every plot. Reads only read what is stored.
// No server-only import: the stack's start and the demo seeding use it too.
import { inArray, sql } from "drizzle-orm";

import type { Db, Tx } from "@/lib/db";
import { deforestationLayers, plotOverlaps, plots } from "@/lib/db/schema";

import { overlapHa, type Deforested, type PlotShape } from "./overlap";

export type Layer = { id: number; features: { features: { geometry: Deforested }[] } };

const lockKey = sql`hashtextextended('deforestation_layers', 0)`;

/**
 * Taken first in a transaction that files or moves plots: a layer's upload (which holds the lock
 * alone) waits for it, and it waits for an upload under way, so neither misses the other's rows.
 */
export const holdLayers = (tx: Tx) => tx.execute(sql`select pg_advisory_xact_lock_shared(${lockKey})`);
export const holdLayersAlone = (tx: Tx) => tx.execute(sql`select pg_advisory_xact_lock(${lockKey})`);

/** Stores each plot's overlap with each layer, replacing an older measurement. */
async function storeOverlaps(tx: Tx, layers: Layer[], plotIds: number[]) {
  if (!layers.length || !plotIds.length) return;
  const rows = await tx
    .select({ id: plots.id, geometry: plots.geometry, areaHa: plots.areaHa })
    .from(plots)
    .where(inArray(plots.id, plotIds));
  const values = layers.flatMap((layer) => {
    const areas = layer.features.features.map((f) => f.geometry);
    return rows.map((p) => ({ layerId: layer.id, plotId: p.id, overlapHa: overlapHa(p as PlotShape, areas) }));
  });
  for (let i = 0; i < values.length; i += 500)
    await tx
      .insert(plotOverlaps)
      .values(values.slice(i, i + 500))
      .onConflictDoUpdate({
        target: [plotOverlaps.layerId, plotOverlaps.plotId],
        set: { overlapHa: sql`excluded.overlap_ha`, computedAt: sql`now()` },
      });
}

const layersOf = async (tx: Tx) =>
  (await tx
    .select({ id: deforestationLayers.id, features: deforestationLayers.features })
    .from(deforestationLayers)) as Layer[];

const chunked = async (ids: number[], each: (chunk: number[]) => Promise<void>) => {
  for (let i = 0; i < ids.length; i += 1_000) await each(ids.slice(i, i + 1_000));
};

/** Measures plots just filed or edited against every layer; call it after `holdLayers`, in the same transaction. */
export async function measurePlots(tx: Tx, plotIds: number[]) {
  if (!plotIds.length) return;
  const layers = await layersOf(tx);
  await chunked(plotIds, (chunk) => storeOverlaps(tx, layers, chunk));
}

/**
 * Measures every pair of plot and layer not measured yet: all plots against a layer just stored,
 * and plots filed before overlaps were measured on write (they waited for their batch's due
 * diligence to be read). Answers how many pairs it measured.
 */
export async function measureMissing(tx: Tx): Promise<number> {
  let measured = 0;
  for (const layer of await layersOf(tx)) {
    const { rows } = await tx.execute<{ id: string }>(
      sql`select p.id from ${plots} p where not exists (select 1 from ${plotOverlaps} o where o.layer_id = ${layer.id} and o.plot_id = p.id) order by p.id`,
    );
    const ids = rows.map((r) => Number(r.id));
    await chunked(ids, (chunk) => storeOverlaps(tx, [layer], chunk));
    measured += ids.length;
  }
  return measured;
}

/** The stack's start: measures what plots filed before this version lack (nothing, once done). */
export const measureMissingOverlaps = (db: Db) =>
  db.transaction(async (tx) => {
    await holdLayers(tx);
    return measureMissing(tx);
  });
