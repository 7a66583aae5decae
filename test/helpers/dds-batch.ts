// Batches for the due diligence tests, built the same way every time: by default a washed Ethiopian
// batch from two producers' plots (a 5-ha polygon and a 2-ha point); `demoDdsBatch()` one of the demo
// stack's own batches with its demo plots. Each plot declared deforestation-free with a legality document.
import { area } from "@turf/area";

import { metadataColumns } from "@/lib/batches/from-chain";
import { kgToGrams } from "@/lib/chain/units";
import type { Db } from "@/lib/db";
import { batches, batchPlots, plotDeclarations, plotDocuments, plots } from "@/lib/db/schema";
import { polygonAreaHa, type PlotGeometry } from "@/lib/eudr/geometry";
import { demoBatches } from "@/scripts/lib/demo-batches";
import { demoPlotsFor } from "@/scripts/lib/demo-plots";

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
  geometry: ReturnType<typeof square> | { type: "Point"; coordinates: [number, number] } | PlotGeometry;
  areaHa: string;
  sharePct?: string;
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
  batch?: Partial<typeof batches.$inferInsert>;
  ownerAddress?: string;
  declared?: boolean;
  documented?: boolean;
  plots?: typeof demoPlots;
};

/** The batch and its plots; `declared` / `documented` (default true) add the evidence. */
export async function insertDdsBatch(
  db: Db,
  { code, batch: fields, ownerAddress, declared = true, documented = true, plots: list = demoPlots }: Options = {},
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
      ...fields,
    }),
  ]);
  if (!list.length) return { batch, plotIds: [] };
  // Unique per batch in a shared database; a batch given its code (a fresh database) keeps the references as given.
  const suffix = code ? "" : `-${batch.batchCode}`;
  const rows = await db
    .insert(plots)
    .values(list.map((p) => ({ ...p, reference: `${p.reference}${suffix}` })))
    .returning({ id: plots.id });
  await db
    .insert(batchPlots)
    .values(
      rows.map((r, i) => ({ batchId: batch.id, plotId: r.id, sharePct: list[i].sharePct ?? (i === 0 ? "70" : "30") })),
    );
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

/**
 * The first batch of a demo stack minted on 2026-06-01 that came from two or more plots with no
 * deliberate fault, with those plots: its code, its fields and its `plots`, for insertDdsBatch.
 */
export function demoDdsBatch() {
  const list = demoBatches(60, new Date("2026-06-01T00:00:00Z"));
  const at = list.findIndex(
    (b, i) => i % 11 !== 3 && i % 11 !== 6 && i % 11 !== 9 && demoPlotsFor(b.metadata, i).length >= 2,
  );
  const { metadata: m, quantityKg } = list[at];
  const batch = {
    ...metadataColumns(m),
    quantityKg,
    onchainQuantity: String(kgToGrams(quantityKg)),
  };
  const plotList = demoPlotsFor(m, at).map((p) => ({
    reference: p.reference,
    producerName: p.producer_name,
    country: p.country,
    region: p.region ?? "",
    geometry: p.geometry,
    areaHa: p.area_ha ?? polygonAreaHa(p.geometry as Extract<PlotGeometry, { type: "Polygon" }>).toFixed(4),
    sharePct: p.share_pct,
  }));
  return { code: m.batch_code, batch, plots: plotList };
}
