// The demo plots: in their batches' real regions and valid, but for the few deliberately wrong ones
// and the batches left without plots; filed once however often the stack restarts.
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { everything } from "@/lib/auth/scope";
import { auditRecords, batchPlots, plots } from "@/lib/db/schema";
import { getBatchPlots } from "@/lib/eudr/batch-plots";
import { checkGeometry } from "@/lib/eudr/geometry";
import { demoBatches } from "@/scripts/lib/demo-batches";
import { demoPlotsFor } from "@/scripts/lib/demo-plots";
import { ensureDemoPlots } from "@/scripts/lib/demo-plots-seed";

import { createTestDb, type TestDb } from "./helpers/db";
import { insertBatches, makeBatch } from "./helpers/factories";

const list = demoBatches(240, new Date("2026-11-30T00:00:00Z")).map((b) => b.metadata);

describe("demo plots", () => {
  const all = list.map((b, i) => demoPlotsFor(b, i));

  it("are the same on every run", () => {
    expect(list.map((b, i) => demoPlotsFor(b, i))).toEqual(all);
  });

  it("give most batches plots whose shares sum to 100, and leave a few without", () => {
    const empty = all.filter((ps) => ps.length === 0).length;
    expect(empty).toBeGreaterThan(10);
    expect(empty).toBeLessThan(list.length / 5);
    for (const ps of all.filter((p) => p.length)) expect(ps.reduce((sum, p) => sum + Number(p.share_pct), 0)).toBe(100);
  });

  it("lie in their country, valid but for the deliberate faults: a 9 ha point, coarse coordinates, a crossing ring", () => {
    const found = all.flat().map((p) => ({ p, check: checkGeometry(p.geometry, p.country, p.area_ha) }));
    const problems = found.flatMap((f) => f.check.problems);
    expect(problems.filter((m) => m.includes("lies outside") || m.includes("latitude first"))).toEqual([]);
    expect(problems.some((m) => m.includes("declares 9 ha"))).toBe(true);
    expect(problems.some((m) => m.includes("EUDR needs at least 6"))).toBe(true);
    expect(problems.some((m) => m.includes("crosses itself"))).toBe(true);
    const valid = found.filter((f) => !f.check.errors.length && !f.check.problems.length);
    expect(valid.length).toBeGreaterThan(found.length * 0.8);
    expect(valid.some((f) => f.p.geometry.type === "Polygon" && Number(f.check.areaHa) > 4)).toBe(true);
    expect(valid.filter((f) => f.p.geometry.type === "Point").every((f) => Number(f.p.area_ha) <= 4)).toBe(true);
  });
});

describe("filing the demo plots", () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
    await insertBatches(
      t.db,
      list.slice(0, 24).map((m, i) =>
        makeBatch({
          tokenId: String(i + 1),
          batchCode: m.batch_code,
          originCountry: m.origin_country,
          region: m.region,
          farm: m.farm ?? null,
          cooperative: m.cooperative ?? null,
        }),
      ),
    );
  });
  afterAll(() => t?.drop());

  it("files each batch's plots once, with the list's hash as the batch page computes it", async () => {
    const seeded = await ensureDemoPlots(t.db);
    expect(seeded).toBe(list.slice(0, 24).filter((b, i) => demoPlotsFor(b, i).length).length);
    expect(await ensureDemoPlots(t.db)).toBe(0);
    const [{ n }] = await t.db.select({ n: sql<number>`count(*)::int` }).from(plots);
    expect(n).toBe(list.slice(0, 24).flatMap((b, i) => demoPlotsFor(b, i)).length);
    const [link] = await t.db.select().from(batchPlots).limit(1);
    const shown = await getBatchPlots(t.db, everything, link.batchId);
    const [record] = await t.db.select().from(auditRecords).where(eq(auditRecords.batchId, link.batchId));
    expect((record.after as { plots_hash: string }).plots_hash).toBe(shown.plots_hash);
  });
});
