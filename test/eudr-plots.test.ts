// Plots in the database: created and edited with their audit history, uploaded in bulk with a report
// per row (bad rows change nothing), linked to batches with shares (the list's hash in the audit log),
// EUDR readiness, and organisation scope on every read and write.
import { readFileSync } from "node:fs";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { everything, type Scope } from "@/lib/auth/scope";
import { eudrReadyIds } from "@/lib/batches/eudr";
import { listBatches } from "@/lib/batches/list";
import { ZBatchListQuery } from "@/lib/batches/schemas";
import { auditRecords, organisations, organisationWallets, plots } from "@/lib/db/schema";
import { getBatchPlots, setBatchPlots } from "@/lib/eudr/batch-plots";
import { plotListHash } from "@/lib/eudr/plot-hash";
import { createPlot, editPlot, getPlot, listPlots } from "@/lib/eudr/plots";
import { ZNewPlot, ZPlotQuery } from "@/lib/eudr/schemas";
import { uploadPlots } from "@/lib/eudr/upload";

import { createTestDb, type TestDb } from "./helpers/db";
import { insertBatches, makeBatch } from "./helpers/factories";

const who = { actor: { kind: "user" as const, id: "1" }, userId: null };
const csv = readFileSync(path.join(import.meta.dirname, "fixtures/plots/upload.csv"), "utf8");
const point = (lon: number, lat: number) => ({ type: "Point" as const, coordinates: [lon, lat] });

let t: TestDb;
let coop: Scope;
let coopId: number;
let batchA: number;
let batchB: number;

beforeAll(async () => {
  t = await createTestDb();
  const [org] = await t.db.insert(organisations).values({ name: "Coop Huila", kind: "cooperative" }).returning();
  coopId = org.id;
  coop = { kind: "organisation", organisationId: org.id };
  const wallet = `0x${"d".repeat(40)}`;
  await t.db.insert(organisationWallets).values({ address: wallet, organisationId: org.id });
  [{ id: batchA }, { id: batchB }] = await insertBatches(t.db, [
    makeBatch({ ownerAddress: wallet, originCountry: "Colombia" }),
    makeBatch({ ownerAddress: `0x${"e".repeat(40)}` }),
  ]);
});
afterAll(() => t?.drop());

describe("plot upload", () => {
  it("reports each row: good ones created, bad ones refused with their reasons", async () => {
    const result = await uploadPlots(t.db, coop, { format: "csv", content: csv }, who);
    expect(result).toMatchObject({ rows: 6, created: 4, updated: 0, refused: 2 });
    const byRow = Object.fromEntries(result.report.map((r) => [r.row, r]));
    expect(byRow[1]).toMatchObject({ reference: "HUI-001", outcome: "created", problems: [] });
    expect(byRow[3].outcome).toBe("created");
    // A 9 ha point lands, with its problem: it is not refused, it is not EUDR-ready.
    expect(byRow[4]).toMatchObject({ outcome: "created" });
    expect(byRow[4].problems[0]).toMatch(/at most 4 ha; this one declares 9 ha/);
    expect(byRow[5]).toMatchObject({ outcome: "refused", reasons: ["reference: is required."] });
    expect(byRow[6].outcome).toBe("refused");
    expect(byRow[6].reasons[0]).toMatch(/Longitude -275.841234 .* is outside −180…180/);
    const stored = await t.db.select().from(plots).where(eq(plots.organisationId, coopId));
    expect(stored.map((p) => p.reference).sort()).toEqual(["HUI-001", "HUI-002", "HUI-003", "HUI-004"]);
    expect(stored.find((p) => p.reference === "HUI-003")!.areaHa).toMatch(/^123\.\d{4}$/);
  });

  it("updates a row whose reference exists, and leaves an unchanged one alone", async () => {
    const edited = csv.replace("HUI-002,Luis Peña,CO,Huila,3.25", "HUI-002,Luis Peña,CO,Huila,3.5");
    const result = await uploadPlots(t.db, coop, { format: "csv", content: edited }, who);
    expect(result).toMatchObject({ created: 0, updated: 1, unchanged: 3, refused: 2 });
  });

  it("reads a GeoJSON FeatureCollection, and refuses a reference given twice", async () => {
    const feature = (reference: string, lon: number) => ({
      type: "Feature",
      properties: { reference, producer_name: "José Díaz", country: "CO", area_ha: 2.5 },
      geometry: point(lon, 2.301234),
    });
    const content = JSON.stringify({
      type: "FeatureCollection",
      features: [feature("GJ-1", -75.701234), feature("GJ-1", -75.702234), { type: "Nope" }],
    });
    const result = await uploadPlots(t.db, coop, { format: "geojson", content }, who);
    expect(result.report.map((r) => r.outcome)).toEqual(["created", "refused", "refused"]);
    expect(result.report[1].reasons[0]).toBe("reference GJ-1 is given twice in the file (row 1 too).");
  });

  it("refuses a file it cannot read, whole", async () => {
    await expect(uploadPlots(t.db, coop, { format: "geojson", content: "{" }, who)).rejects.toThrow(/not JSON/);
    await expect(uploadPlots(t.db, coop, { format: "csv", content: "a,b\n1,2" }, who)).rejects.toThrow(
      /lacks reference, producer_name, country/,
    );
  });
});

describe("plots", () => {
  it("keeps each edit in the plot's history, and refuses an unusable one", async () => {
    const id = await createPlot(
      t.db,
      everything,
      ZNewPlot.parse({
        reference: "STAFF-1",
        producer_name: "Estate",
        country: "KE",
        area_ha: "2",
        geometry: point(36.951234, -0.412345),
      }),
      who,
    );
    await editPlot(t.db, everything, id, { area_ha: "3" }, who);
    await expect(editPlot(t.db, everything, id, { geometry: point(536.951234, -0.412345) }, who)).rejects.toThrow(
      /cannot be stored: Longitude 536.951234/,
    );
    const plot = await getPlot(t.db, everything, id);
    expect(plot.area_ha).toBe("3.0000");
    expect(plot.history.map((h) => h.action)).toEqual(["created", "edited"]);
    expect(plot.history[1].before).toMatchObject({ area_ha: "2.0000" });
    expect(plot.history[1].after).toMatchObject({ area_ha: "3.0000" });
  });

  it("shows a producer's members only their organisation's plots; staff see all", async () => {
    const mine = await listPlots(t.db, coop, ZPlotQuery.parse({}));
    expect(mine.data.every((p) => p.organisation_id === coopId)).toBe(true);
    const all = await listPlots(t.db, everything, ZPlotQuery.parse({}));
    expect(all.data.some((p) => p.reference === "STAFF-1")).toBe(true);
    const staffPlot = all.data.find((p) => p.reference === "STAFF-1")!;
    await expect(getPlot(t.db, coop, staffPlot.id)).rejects.toThrow(`Plot ${staffPlot.id} does not exist.`);
    const withProblems = await listPlots(t.db, coop, ZPlotQuery.parse({ has_problems: "yes" }));
    expect(withProblems.data.map((p) => p.reference)).toEqual(["HUI-004"]);
  });
});

describe("batch plots", () => {
  const ids = async (...refs: string[]) => {
    const rows = await t.db.select().from(plots).where(eq(plots.organisationId, coopId));
    return refs.map((r) => rows.find((p) => p.reference === r)!.id);
  };
  /** Links `batchId` to the plots as [plot id, share] pairs, as the cooperative. */
  const link = (batchId: number, shares: [number, string][]) =>
    setBatchPlots(t.db, coop, batchId, { plots: shares.map(([plot_id, share_pct]) => ({ plot_id, share_pct })) }, who);

  it("links plots with shares: the batch turns EUDR-ready, and the list's hash is audited", async () => {
    expect((await getBatchPlots(t.db, coop, batchA)).reasons).toEqual(["The batch lists no plots."]);
    const [a, b] = await ids("HUI-001", "HUI-003");
    const linked = await link(batchA, [
      [a, "60"],
      [b, "40"],
    ]);
    expect(linked).toMatchObject({ is_eudr_ready: true, reasons: [] });
    expect(linked.plots.map((p) => [p.reference, p.share_pct])).toEqual([
      ["HUI-001", "60.00"],
      ["HUI-003", "40.00"],
    ]);
    const expected = plotListHash(
      linked.plots.map((p) => ({ reference: p.reference, geometry: p.geometry, share_pct: p.share_pct })),
    );
    expect(linked.plots_hash).toBe(expected);
    const [record] = await t.db
      .select()
      .from(auditRecords)
      .where(and(eq(auditRecords.batchId, batchA), eq(auditRecords.action, "plots_linked")));
    expect(record.after).toMatchObject({ plots_hash: expected, plots: ["HUI-001 60.00%", "HUI-003 40.00%"] });
    expect([...(await eudrReadyIds(t.db, [batchA, batchB]))]).toEqual([batchA]);
    const ready = await listBatches(t.db, ZBatchListQuery.parse({ eudr_ready: "yes" }), everything);
    expect(ready.data.map((x) => x.id)).toEqual([batchA]);
    const notReady = await listBatches(t.db, ZBatchListQuery.parse({ eudr_ready: "no" }), everything);
    expect(notReady.data.map((x) => x.id)).toEqual([batchB]);
  });

  it("records the new hash when a listed plot is edited", async () => {
    const [a] = await ids("HUI-001");
    await editPlot(t.db, coop, a, { geometry: point(-75.876544, 2.198765) }, who);
    const after = await getBatchPlots(t.db, coop, batchA);
    const records = await t.db
      .select()
      .from(auditRecords)
      .where(and(eq(auditRecords.batchId, batchA), eq(auditRecords.action, "plot_edited")));
    expect(records.map((r) => (r.after as { plots_hash: string }).plots_hash)).toEqual([after.plots_hash]);
  });

  it("is not ready with a plot that has a problem, and refuses shares that do not sum to 100", async () => {
    const [a, bad] = await ids("HUI-001", "HUI-004");
    await expect(
      link(batchA, [
        [a, "60"],
        [bad, "30"],
      ]),
    ).rejects.toThrow("The shares sum to 90.00%; they must sum to 100%.");
    const linked = await link(batchA, [
      [a, "50"],
      [bad, "50"],
    ]);
    expect(linked.is_eudr_ready).toBe(false);
    expect(linked.reasons[0]).toMatch(/^Plot HUI-004: A point stands for a plot of at most 4 ha/);
  });

  it("unlinks every plot with an empty list", async () => {
    const unlinked = await link(batchA, []);
    expect(unlinked).toMatchObject({ is_eudr_ready: false, plots: [] });
  });

  it("keeps a member to its own batches and plots", async () => {
    const [a] = await ids("HUI-001");
    await expect(getBatchPlots(t.db, coop, batchB)).rejects.toThrow(`Batch ${batchB} does not exist.`);
    await expect(link(batchB, [[a, "100"]])).rejects.toThrow(`Batch ${batchB} does not exist.`);
    const staffPlot = (await listPlots(t.db, everything, ZPlotQuery.parse({ q: "STAFF-1" }))).data[0];
    await expect(link(batchA, [[staffPlot.id, "100"]])).rejects.toThrow(`No such plot: ${staffPlot.id}.`);
  });
});
