// A demo-like batch for the due diligence tests, built the same way every time: a washed Ethiopian
// batch from two producers' plots (a 5-ha polygon and a 2-ha point), each declared deforestation-free
// with a legality document. Small on purpose, so it can switch to the demo plots (scripts/lib/demo-plots.ts).
import { area } from "@turf/area";

import type { Db } from "@/lib/db";
import { batchPlots, plotDeclarations, plotDocuments, plots } from "@/lib/db/schema";

import { insertBatches, makeBatch } from "./factories";

/** A square polygon of `side` degrees with its south-west corner at (lon, lat), six decimals. */
export const square = (lon: number, lat: number, side: number) => ({
  type: "Polygon" as const,
  coordinates: [
    [
      [lon, lat],
      [lon + side, lat],
      [lon + side, lat + side],
      [lon, lat + side],
      [lon, lat],
    ].map(([x, y]): [number, number] => [Number(x.toFixed(6)), Number(y.toFixed(6))]),
  ],
});

export const demoPlots: {
  reference: string;
  producerName: string;
  country: string;
  region: string;
  geometry: ReturnType<typeof square> | { type: "Point"; coordinates: [number, number] };
  areaHa: string;
}[] = [
  {
    reference: "YIR-KOCHERE-014",
    producerName: "Tadesse Bekele",
    country: "ET",
    region: "Yirgacheffe",
    geometry: square(38.205, 6.163, 0.002),
    areaHa: (area(square(38.205, 6.163, 0.002)) / 10_000).toFixed(4),
  },
  {
    reference: "YIR-KOCHERE-027",
    producerName: "Almaz Gebre",
    country: "ET",
    region: "Yirgacheffe",
    geometry: { type: "Point", coordinates: [38.211742, 6.158311] },
    areaHa: "2.0000",
  },
];

type Options = {
  code?: string;
  ownerAddress?: string;
  declared?: boolean;
  documented?: boolean;
  plots?: typeof demoPlots;
};

/** The batch and its plots; `declared` / `documented` (default true) add the evidence. */
export async function insertDdsBatch(
  db: Db,
  { code, ownerAddress, declared = true, documented = true, plots: list = demoPlots }: Options = {},
) {
  const [batch] = await insertBatches(db, [
    makeBatch({
      ...(code ? { batchCode: code } : {}),
      ...(ownerAddress ? { ownerAddress } : {}),
      originCountry: "Ethiopia",
      region: "Yirgacheffe",
      variety: "Heirloom",
      process: "washed",
      quantityKg: "1250.500",
      onchainQuantity: "1250500",
    }),
  ]);
  if (!list.length) return { batch, plotIds: [] };
  const suffix = batch.batchCode;
  const rows = await db
    .insert(plots)
    .values(list.map((p) => ({ ...p, reference: `${p.reference}-${suffix}` })))
    .returning({ id: plots.id });
  await db
    .insert(batchPlots)
    .values(rows.map((r, i) => ({ batchId: batch.id, plotId: r.id, sharePct: i === 0 ? "70" : "30" })));
  if (declared)
    await db.insert(plotDeclarations).values(
      rows.map((r, i) => ({
        plotId: r.id,
        landUse: "coffee_before_2021" as const,
        isDeforestationFree: true,
        declaredOn: "2026-03-01",
        declarant: list[i].producerName,
      })),
    );
  if (documented)
    await db.insert(plotDocuments).values(
      rows.map((r) => ({
        plotId: r.id,
        filename: "land-title.pdf",
        contentType: "application/pdf",
        sizeBytes: 1000,
        storageKey: crypto.randomUUID().replaceAll("-", ""),
      })),
    );
  return { batch, plotIds: rows.map((r) => r.id) };
}
