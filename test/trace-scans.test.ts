// Scan counting on the public trace page: views per batch, place and hour, and the cloned-label
// alert raised once when a label is scanned too often or too far apart too fast.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditRecords, batchAlerts, traceScans } from "@/lib/db/schema";
import { distanceKm, maxScansPerHour, placeOf, recordScan } from "@/lib/provenance/scans";
import { createTestDb, type TestDb } from "./helpers/db";
import { insertBatches, makeBatch } from "./helpers/factories";

let t: TestDb;
let ids: number[];
const at = (iso: string) => new Date(iso);
const alertsOf = (batchId: number) => t.db.select().from(batchAlerts).where(and(eq(batchAlerts.batchId, batchId), eq(batchAlerts.type, "cloned_label")));

beforeAll(async () => {
  t = await createTestDb();
  ids = (await insertBatches(t.db, [makeBatch(), makeBatch(), makeBatch(), makeBatch()])).map((r) => r.id);
});
afterAll(() => t.drop());

describe("trace page scans", () => {
  it("reads a coarse place from the geo headers, else unknown", () => {
    expect(placeOf(new Headers({ "x-vercel-ip-country": "de" }))).toBe("DE");
    expect(placeOf(new Headers({ "cf-ipcountry": "CO" }))).toBe("CO");
    expect(placeOf(new Headers({ "cf-ipcountry": "XX" }))).toBe("unknown");
    expect(placeOf(new Headers({ "cf-ipcountry": "<script>" }))).toBe("unknown");
    expect(placeOf(new Headers())).toBe("unknown");
  });

  it("counts each view per batch, place and hour", async () => {
    for (const [place, time] of [["DE", "2026-11-24T10:05:00Z"], ["DE", "2026-11-24T10:55:00Z"], ["unknown", "2026-11-24T10:30:00Z"], ["DE", "2026-11-24T11:01:00Z"]] as const) {
      expect(await recordScan(t.db, ids[0], place, at(time))).toBeNull();
    }
    const rows = await t.db.select().from(traceScans).where(eq(traceScans.batchId, ids[0])).orderBy(traceScans.hour, traceScans.place);
    expect(rows.map((r) => [r.hour.toISOString(), r.place, r.views])).toEqual([["2026-11-24T10:00:00.000Z", "DE", 2], ["2026-11-24T10:00:00.000Z", "unknown", 1], ["2026-11-24T11:00:00.000Z", "DE", 1]]);
  });

  it(`raises one cloned-label alert past ${maxScansPerHour} scans in an hour, and not again while it is open`, async () => {
    const raised: (number | null)[] = [];
    for (let i = 0; i < maxScansPerHour + 5; i++) raised.push(await recordScan(t.db, ids[1], "NL", at("2026-11-24T12:10:00Z")));
    expect(raised.slice(0, maxScansPerHour).every((r) => r === null)).toBe(true);
    expect(raised[maxScansPerHour]).toEqual(expect.any(Number));
    expect(raised.slice(maxScansPerHour + 1).every((r) => r === null)).toBe(true);
    const [alert] = await alertsOf(ids[1]);
    expect(alert).toMatchObject({ severity: "high", status: "open", details: { rule: "scans_per_hour", views: maxScansPerHour + 1 } });
    const audit = await t.db.select().from(auditRecords).where(and(eq(auditRecords.batchId, ids[1]), eq(auditRecords.action, "alert.raised")));
    expect(audit).toHaveLength(1);
  });

  it("raises it for scans in places too far apart too fast, not for neighbours or unknown places", async () => {
    expect(distanceKm("DE", "NL")).toBeLessThan(1_500);
    expect(distanceKm("DE", "CO")).toBeGreaterThan(8_000);
    expect(distanceKm("DE", "ZZ")).toBeNull();
    await recordScan(t.db, ids[2], "DE", at("2026-11-24T08:00:00Z"));
    expect(await recordScan(t.db, ids[2], "NL", at("2026-11-24T08:20:00Z"))).toBeNull();
    expect(await recordScan(t.db, ids[2], "unknown", at("2026-11-24T08:30:00Z"))).toBeNull();
    expect(await recordScan(t.db, ids[2], "CO", at("2026-11-24T10:40:00Z"))).toEqual(expect.any(Number));
    expect((await alertsOf(ids[2]))[0]).toMatchObject({ details: { rule: "too_far_too_fast", places: [expect.stringMatching(/^(DE|NL)$/), "CO"] } });
    // A day later, the same trip is plausible.
    await recordScan(t.db, ids[3], "DE", at("2026-11-20T08:00:00Z"));
    expect(await recordScan(t.db, ids[3], "CO", at("2026-11-21T08:00:00Z"))).toBeNull();
    expect(await alertsOf(ids[3])).toHaveLength(0);
  });
});
