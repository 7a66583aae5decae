// What the public trace page shows of a batch's plots: geometry, reference and area only (no
// producer names, no problems), and the list's hash, which the audit log anchors on chain.
import "server-only";

import type { Db } from "@/lib/db";

import { hashOf, readPlotList } from "./batch-hash";
import type { PlotGeometry } from "./geometry";

export async function getPublicPlots(db: Db, batchId: number) {
  const list = await readPlotList(db, batchId);
  return {
    plots: list.map((r) => ({
      reference: r.plot.reference,
      geometry: r.plot.geometry as PlotGeometry,
      area_ha: r.plot.areaHa,
      share_pct: r.sharePct,
    })),
    plots_hash: list.length ? hashOf(list) : null,
  };
}
