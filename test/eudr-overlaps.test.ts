// Overlaps with deforestation layers are stored when the fact changes, on a real Postgres: a plot
// filed, moved or uploaded is measured against the layers before anything reads it; a new layer
// measures every plot; the stack's start measures what plots filed earlier lack; and reading a
// batch's due diligence (what GET /api/batches/{id}/due-diligence answers) changes no row.
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Scope } from "@/lib/auth/scope";
import { batchPlots, organisations, organisationWallets, plotOverlaps, plots } from "@/lib/db/schema";
import { batchDueDiligenceJson } from "@/lib/eudr/json";
import { createLayer } from "@/lib/eudr/layers";
import { measureMissingOverlaps } from "@/lib/eudr/measure";
import { createPlot, editPlot } from "@/lib/eudr/plots";
import { ZNewPlot } from "@/lib/eudr/schemas";
import { getBatchRow } from "@/lib/eudr/subjects";
import { uploadPlots } from "@/lib/eudr/upload";

import { createTestDb, type TestDb } from "./helpers/db";
import { square } from "./helpers/dds-batch";
import { insertBatches, makeBatch } from "./helpers/factories";

const who = { actor: { kind: "user" as const, id: "1" }, userId: null };
const point = (lon: number, lat: number) => ({ type: "Point" as const, coordinates: [lon, lat] });
// The deforested square spans longitude -76.61…-76.59 and latitude 2.39…2.41, in Cauca (CO).
const inside = point(-76.600123, 2.400123);
const outside = point(-76.700123, 2.400123);
const newPlot = (reference: string, geometry: object, area_ha?: string) =>
  ZNewPlot.parse({ reference, producer_name: "Rosa Muñoz", country: "CO", region: "Cauca", geometry, area_ha });
const layerOf = (name: string, lon: number) => ({
  name,
  geojson: {
    type: "FeatureCollection" as const,
    features: [{ type: "Feature" as const, geometry: square(lon, 2.39, 0.02) }],
  },
});

let t: TestDb;
let coop: Scope;
let coopId: number;
let batchId: number;
let firstLayer: number;

/** Each stored overlap, plot by plot, for one layer. */
const overlapsFor = async (layerId: number) =>
  new Map(
    (await t.db.select().from(plotOverlaps).where(eq(plotOverlaps.layerId, layerId))).map((o) => [
      o.plotId,
      o.overlapHa,
    ]),
  );
const overlapOf = async (plotId: number, layerId = firstLayer) => (await overlapsFor(layerId)).get(plotId);
/** Every row of plot_overlaps, as a count and a hash over all its columns. */
const snapshot = async () =>
  (
    await t.db.execute<{ n: number; hash: string }>(
      sql`select count(*)::int as n, md5(coalesce(string_agg(concat_ws(':', layer_id, plot_id, overlap_ha, computed_at), ',' order by layer_id, plot_id), '')) as hash from plot_overlaps`,
    )
  ).rows[0];

beforeAll(async () => {
  t = await createTestDb();
  const [org] = await t.db.insert(organisations).values({ name: "Coop Cauca", kind: "cooperative" }).returning();
  coopId = org.id;
  coop = { kind: "organisation", organisationId: coopId };
  const wallet = `0x${"c".repeat(40)}`;
  await t.db.insert(organisationWallets).values({ address: wallet, organisationId: org.id });
  [{ id: batchId }] = await insertBatches(t.db, [makeBatch({ ownerAddress: wallet, originCountry: "Colombia" })]);
  firstLayer = await createLayer(t.db, layerOf("Tree cover loss 2021-2025", -76.61), who.actor, null);
});
afterAll(() => t?.drop());

describe("a plot's overlap is stored when the plot changes", () => {
  it("is stored as a plot is filed: the whole of a point inside, part of a polygon across the edge", async () => {
    const inPoint = await createPlot(t.db, coop, newPlot("CAU-IN", inside, "2.5"), who);
    const outPoint = await createPlot(t.db, coop, newPlot("CAU-OUT", outside, "1.5"), who);
    const across = await createPlot(t.db, coop, newPlot("CAU-EDGE", square(-76.591, 2.4, 0.002)), who);
    expect(await overlapOf(inPoint)).toBe("2.5000");
    expect(await overlapOf(outPoint)).toBe("0.0000");
    const [{ areaHa }] = await t.db.select().from(plots).where(eq(plots.id, across));
    const edge = Number(await overlapOf(across));
    expect(edge).toBeGreaterThan(0.4 * Number(areaHa));
    expect(edge).toBeLessThan(0.6 * Number(areaHa));
  });

  it("is measured again when a plot moves or its declared area changes, within its organisation only", async () => {
    const [{ id }] = await t.db.select().from(plots).where(eq(plots.reference, "CAU-IN"));
    await editPlot(t.db, coop, id, { geometry: outside }, who);
    expect(await overlapOf(id)).toBe("0.0000");
    await editPlot(t.db, coop, id, { geometry: inside, area_ha: "3" }, who);
    expect(await overlapOf(id)).toBe("3.0000");
    const other: Scope = { kind: "organisation", organisationId: 999_999 };
    const before = await snapshot();
    await expect(editPlot(t.db, other, id, { geometry: outside }, who)).rejects.toMatchObject({ code: "not_found" });
    expect(await snapshot()).toEqual(before);
  });

  it("is stored for every plot an upload files or moves, in the same transaction", async () => {
    const csv = (lon: number) =>
      [
        "reference,producer_name,country,region,area_ha,latitude,longitude",
        `CAU-UP-1,Rosa Muñoz,CO,Cauca,1.2,2.401234,${lon}`,
        "CAU-UP-2,Rosa Muñoz,CO,Cauca,0.8,2.451234,-76.551234",
      ].join("\n");
    const first = await uploadPlots(t.db, coop, { format: "csv", content: csv(-76.601234) }, who);
    expect(first).toMatchObject({ created: 2, refused: 0 });
    const [one, two] = first.report.map((r) => r.plot_id!);
    expect([await overlapOf(one), await overlapOf(two)]).toEqual(["1.2000", "0.0000"]);
    const moved = await uploadPlots(t.db, coop, { format: "csv", content: csv(-76.701234) }, who);
    expect(moved).toMatchObject({ updated: 1, unchanged: 1 });
    expect(await overlapOf(one)).toBe("0.0000");
  });
});

describe("reading a batch's due diligence", () => {
  it("changes no row of plot_overlaps, even for a plot filed before overlaps were measured on write", async () => {
    const [{ id: inPlot }] = await t.db.select().from(plots).where(eq(plots.reference, "CAU-IN"));
    // As a plot filed by an earlier version was: stored with no overlap measured.
    const [old] = await t.db
      .insert(plots)
      .values({
        reference: "CAU-OLD",
        producerName: "Rosa Muñoz",
        country: "CO",
        region: "Cauca",
        geometry: point(-76.605123, 2.395123),
        areaHa: "1.0000",
        organisationId: coopId,
      })
      .returning();
    await t.db.insert(batchPlots).values([
      { batchId, plotId: inPlot, sharePct: "60" },
      { batchId, plotId: old.id, sharePct: "40" },
    ]);
    const before = await snapshot();
    await getBatchRow(t.db, coop, batchId);
    const answer = await batchDueDiligenceJson(t.db, coop, batchId);
    expect(await snapshot()).toEqual(before);
    expect(answer.plots.map((p) => [p.reference, p.overlap_ha])).toEqual([
      ["CAU-IN", "3.0000"],
      ["CAU-OLD", "0.0000"],
    ]);
    expect(answer.risk.factors.find((f) => f.name === "deforestation_overlap")?.passed).toBe(false);
    expect(await overlapOf(old.id)).toBeUndefined();
  });

  it("finds the older plot measured once the stack starts, and nothing left to measure after", async () => {
    const [old] = await t.db.select().from(plots).where(eq(plots.reference, "CAU-OLD"));
    expect(await measureMissingOverlaps(t.db)).toBe(1);
    expect(await overlapOf(old.id)).toBe("1.0000");
    expect(await measureMissingOverlaps(t.db)).toBe(0);
    const answer = await batchDueDiligenceJson(t.db, coop, batchId);
    expect(answer.plots.find((p) => p.reference === "CAU-OLD")?.overlap_ha).toBe("1.0000");
  });
});

describe("a new layer", () => {
  it("gives every existing plot its overlap with it, and an older layer's missing ones too", async () => {
    const [gap] = await t.db
      .insert(plots)
      .values({
        reference: "CAU-GAP",
        producerName: "Rosa Muñoz",
        country: "CO",
        region: "Cauca",
        geometry: point(-76.700456, 2.400456),
        areaHa: "2.0000",
      })
      .returning();
    const all = await t.db.select({ id: plots.id }).from(plots);
    const second = await createLayer(t.db, layerOf("Fires 2024", -76.71), who.actor, null);
    const stored = await overlapsFor(second);
    expect([...stored.keys()].sort((a, b) => a - b)).toEqual(all.map((p) => p.id).sort((a, b) => a - b));
    // CAU-OUT and CAU-GAP lie in the second layer's square, the rest do not.
    const [out] = await t.db.select().from(plots).where(eq(plots.reference, "CAU-OUT"));
    expect(stored.get(out.id)).toBe("1.5000");
    expect(stored.get(gap.id)).toBe("2.0000");
    const [inPlot] = await t.db.select().from(plots).where(eq(plots.reference, "CAU-IN"));
    expect(stored.get(inPlot.id)).toBe("0.0000");
    expect(await overlapOf(gap.id)).toBe("0.0000");
  });
});
