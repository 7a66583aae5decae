// flagExpiry against real Postgres: which minted batches it flags, how severely, and only once.
import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { resolveAlert } from "@/lib/alerts/alerts";
import { flagExpiry } from "@/lib/alerts/expiry";
import { auditRecords, batchAlerts } from "@/lib/db/schema";

import { createTestDb, type TestDb } from "./helpers/db";
import { insertBatches, makeBatch } from "./helpers/factories";

let t: TestDb;
const today = "2026-06-01";
const ids: Record<string, number> = {};

beforeAll(async () => {
  t = await createTestDb();
  const fixtures = {
    past: makeBatch({ productionDate: "2025-05-01", expiryDate: "2026-05-01" }),
    pastExpiredStatus: makeBatch({ productionDate: "2025-04-01", expiryDate: "2026-04-01", status: "expired" }),
    today: makeBatch({ productionDate: "2025-06-01", expiryDate: "2026-06-01" }),
    verySoon: makeBatch({ productionDate: "2025-06-05", expiryDate: "2026-06-08" }),
    soon: makeBatch({ productionDate: "2025-06-09", expiryDate: "2026-06-09" }),
    edge: makeBatch({ productionDate: "2025-07-01", expiryDate: "2026-07-01" }),
    far: makeBatch({ productionDate: "2025-07-02", expiryDate: "2026-07-02" }),
    redeemed: makeBatch({ productionDate: "2025-05-01", expiryDate: "2026-05-01", status: "redeemed" }),
    draft: makeBatch({
      productionDate: "2025-05-01",
      expiryDate: "2026-05-01",
      status: "draft",
      tokenId: null,
      onchainQuantity: null,
    }),
  };
  const rows = await insertBatches(t.db, Object.values(fixtures));
  Object.keys(fixtures).forEach((name, i) => (ids[name] = rows[i].id));
});
afterAll(() => t.drop());

const alertsByBatch = async () => {
  const rows = await t.db
    .select()
    .from(batchAlerts)
    .where(inArray(batchAlerts.batchId, Object.values(ids)));
  return Object.fromEntries(
    Object.entries(ids).map(([name, id]) => [
      name,
      rows.filter((a) => a.batchId === id).map((a) => ({ type: a.type, severity: a.severity, source: a.source })),
    ]),
  );
};

describe("flagExpiry", () => {
  it("flags expired and expiring minted batches with the right type and severity", async () => {
    expect(await flagExpiry(t.db, { today })).toEqual({ checked: 6, raised: 6 });
    expect(await alertsByBatch()).toEqual({
      past: [{ type: "expired", severity: "high", source: "expiry:2026-05-01" }],
      pastExpiredStatus: [{ type: "expired", severity: "high", source: "expiry:2026-04-01" }],
      today: [{ type: "expiring_soon", severity: "high", source: "expiring:2026-06-01" }],
      verySoon: [{ type: "expiring_soon", severity: "high", source: "expiring:2026-06-08" }],
      soon: [{ type: "expiring_soon", severity: "medium", source: "expiring:2026-06-09" }],
      edge: [{ type: "expiring_soon", severity: "medium", source: "expiring:2026-07-01" }],
      far: [],
      redeemed: [],
      draft: [],
    });
  });

  it("says a batch due today expires today, not in 0 days", async () => {
    const [alert] = await t.db
      .select()
      .from(batchAlerts)
      .where(inArray(batchAlerts.batchId, [ids.today]));
    expect(alert.message).toMatch(/expires on 2026-06-01, today\.$/);
    const [soon] = await t.db
      .select()
      .from(batchAlerts)
      .where(inArray(batchAlerts.batchId, [ids.verySoon]));
    expect(soon.message).toMatch(/in 7 days\.$/);
  });

  it("audits each raised alert as the expiry check", async () => {
    const audits = await t.db.select().from(auditRecords).where(eq(auditRecords.action, "alert.raised"));
    expect(audits).toHaveLength(6);
    expect(audits.every((a) => a.actorKind === "system" && a.actorId === "expiry-check" && a.entity === "alert")).toBe(
      true,
    );
  });

  it("raises nothing new when run again, nor for a cause already resolved", async () => {
    const [past] = await t.db.select().from(batchAlerts).where(eq(batchAlerts.batchId, ids.past));
    await resolveAlert(t.db, ids.past, past.id, "Sold off as expired stock.", null, { kind: "system", id: "test" });
    expect(await flagExpiry(t.db, { today })).toEqual({ checked: 6, raised: 0 });
    expect(await t.db.$count(batchAlerts)).toBe(6);
  });

  it("flags a batch again for a new cause: expiring soon, then expired", async () => {
    // A week later: "today" and "verySoon" have expired, and "far" has come within 30 days.
    expect(await flagExpiry(t.db, { today: "2026-06-09" })).toEqual({ checked: 7, raised: 3 });
    const alerts = await alertsByBatch();
    expect(alerts.today).toEqual([
      { type: "expiring_soon", severity: "high", source: "expiring:2026-06-01" },
      { type: "expired", severity: "high", source: "expiry:2026-06-01" },
    ]);
    expect(alerts.far).toEqual([{ type: "expiring_soon", severity: "medium", source: "expiring:2026-07-02" }]);
  });

  it("pages through more candidates than one page holds, sharing an expiry date, each flagged once", async () => {
    const many = Array.from({ length: 5_002 }, () =>
      makeBatch({ productionDate: "2025-06-20", expiryDate: "2026-06-20" }),
    );
    for (let i = 0; i < many.length; i += 2_000) await insertBatches(t.db, many.slice(i, i + 2_000));
    expect(await flagExpiry(t.db, { today: "2026-06-09" })).toEqual({ checked: 7 + 5_002, raised: 5_002 });
    expect(await flagExpiry(t.db, { today: "2026-06-09" })).toEqual({ checked: 7 + 5_002, raised: 0 });
  });
});
