// Scan counting on the public trace page: views per batch, place and hour, and the cloned-label
// alert raised once when a label is scanned by too many visitors or too far apart too fast.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { auditRecords, batchAlerts, traceScans } from "@/lib/db/schema";
import { distanceKm, maxClientsPerHour, recordScan } from "@/lib/provenance/scans";

import { createTestDb, type TestDb } from "./helpers/db";
import { insertBatches, makeBatch } from "./helpers/factories";

let t: TestDb;
let ids: number[];
const at = (iso: string) => new Date(iso);
const alertsOf = (batchId: number) =>
  t.db
    .select()
    .from(batchAlerts)
    .where(and(eq(batchAlerts.batchId, batchId), eq(batchAlerts.type, "cloned_label")));

beforeAll(async () => {
  t = await createTestDb();
  ids = (await insertBatches(t.db, [makeBatch(), makeBatch(), makeBatch(), makeBatch(), makeBatch()])).map((r) => r.id);
});
afterAll(() => t.drop());

describe("trace page scans", () => {
  it("counts each view per batch, place and hour", async () => {
    for (const [place, time] of [
      ["DE", "2026-11-24T10:05:00Z"],
      ["DE", "2026-11-24T10:55:00Z"],
      ["unknown", "2026-11-24T10:30:00Z"],
      ["DE", "2026-11-24T11:01:00Z"],
    ] as const) {
      expect(await recordScan(t.db, ids[0], { place, client: "c1" }, at(time))).toBeNull();
    }
    const rows = await t.db
      .select()
      .from(traceScans)
      .where(eq(traceScans.batchId, ids[0]))
      .orderBy(traceScans.hour, traceScans.place);
    expect(rows.map((r) => [r.hour.toISOString(), r.place, r.views])).toEqual([
      ["2026-11-24T10:00:00.000Z", "DE", 2],
      ["2026-11-24T10:00:00.000Z", "unknown", 1],
      ["2026-11-24T11:00:00.000Z", "DE", 1],
    ]);
  });

  it(`raises one cloned-label alert past ${maxClientsPerHour} different visitors in an hour, and not again while it is open`, async () => {
    const raised: (number | null)[] = [];
    for (let i = 0; i < maxClientsPerHour + 5; i++)
      raised.push(await recordScan(t.db, ids[1], { place: "NL", client: `visitor-${i}` }, at("2026-11-24T12:10:00Z")));
    expect(raised.slice(0, maxClientsPerHour).every((r) => r === null)).toBe(true);
    expect(raised[maxClientsPerHour]).toEqual(expect.any(Number));
    expect(raised.slice(maxClientsPerHour + 1).every((r) => r === null)).toBe(true);
    const [alert] = await alertsOf(ids[1]);
    expect(alert).toMatchObject({
      severity: "high",
      status: "open",
      details: { rule: "visitors_per_hour", visitors: maxClientsPerHour + 1 },
    });
    const audit = await t.db
      .select()
      .from(auditRecords)
      .where(and(eq(auditRecords.batchId, ids[1]), eq(auditRecords.action, "alert.raised")));
    expect(audit).toHaveLength(1);
  });

  it("raises nothing for one visitor reloading, nor for visitors no trusted proxy named", async () => {
    for (let i = 0; i < 3 * maxClientsPerHour; i++) {
      expect(
        await recordScan(t.db, ids[4], { place: "NL", client: "the-same-visitor" }, at("2026-11-24T12:10:00Z")),
      ).toBeNull();
      expect(await recordScan(t.db, ids[4], { place: "unknown", client: null }, at("2026-11-24T12:20:00Z"))).toBeNull();
    }
    expect(await alertsOf(ids[4])).toHaveLength(0);
    const views = await t.db.select().from(traceScans).where(eq(traceScans.batchId, ids[4]));
    expect(views.reduce((n, r) => n + r.views, 0)).toBe(6 * maxClientsPerHour);
  });

  it("raises it for scans in places too far apart too fast, not for neighbours or unknown places", async () => {
    expect(distanceKm("DE", "NL")).toBeLessThan(1_500);
    expect(distanceKm("DE", "CO")).toBeGreaterThan(8_000);
    expect(distanceKm("DE", "ZZ")).toBeNull();
    await recordScan(t.db, ids[2], { place: "DE", client: "c" }, at("2026-11-24T08:00:00Z"));
    expect(await recordScan(t.db, ids[2], { place: "NL", client: "c" }, at("2026-11-24T08:20:00Z"))).toBeNull();
    expect(await recordScan(t.db, ids[2], { place: "unknown", client: "c" }, at("2026-11-24T08:30:00Z"))).toBeNull();
    expect(await recordScan(t.db, ids[2], { place: "CO", client: "c" }, at("2026-11-24T10:40:00Z"))).toEqual(
      expect.any(Number),
    );
    expect((await alertsOf(ids[2]))[0]).toMatchObject({
      details: { rule: "too_far_too_fast", places: [expect.stringMatching(/^(DE|NL)$/), "CO"] },
    });
    // A day later, the same trip is plausible.
    await recordScan(t.db, ids[3], { place: "DE", client: "c" }, at("2026-11-20T08:00:00Z"));
    expect(await recordScan(t.db, ids[3], { place: "CO", client: "c" }, at("2026-11-21T08:00:00Z"))).toBeNull();
    expect(await alertsOf(ids[3])).toHaveLength(0);
  });
});
