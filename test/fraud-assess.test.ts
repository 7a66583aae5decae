// assessFraud against real Postgres: the facts it gathers, what it stores, and when it alerts.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { ApiError } from "@/lib/api/errors";
import { auditRecords, batchAlerts, batches, fraudAssessments, users, verificationRequests } from "@/lib/db/schema";
import { assessFraud, latestAssessment } from "@/lib/fraud/assess";

import { createTestDb, type TestDb } from "./helpers/db";
import { insertBatches, makeBatch } from "./helpers/factories";

let t: TestDb;
let userId: number;
const actor = { kind: "user", id: "" } as { kind: "user"; id: string };
const dates = { productionDate: "2025-03-01", expiryDate: "2026-03-01", harvestDate: "2025-01-15" };
const hash = (n: number) => `0x${n.toString(16).padStart(64, "0")}`;

beforeAll(async () => {
  t = await createTestDb();
  [{ id: userId }] = await t.db
    .insert(users)
    .values({ name: "Vera Verifier", email: "vera-fraud@example.com", role: "verifier" })
    .returning();
  actor.id = String(userId);
});
afterAll(() => t.drop());

const pointsOf = (factors: { name: string; points: number }[]) =>
  Object.fromEntries(factors.filter((f) => f.points > 0).map((f) => [f.name, f.points]));
const alertsOf = (batchId: number) => t.db.select().from(batchAlerts).where(eq(batchAlerts.batchId, batchId));
const auditsOf = (batchId: number) =>
  t.db
    .select()
    .from(auditRecords)
    .where(and(eq(auditRecords.batchId, batchId), eq(auditRecords.entity, "fraud_assessment")));
const assessmentsOf = (batchId: number) =>
  t.db.select().from(fraudAssessments).where(eq(fraudAssessments.batchId, batchId));

describe("assessFraud", () => {
  it("scores a clean batch low and raises no alert", async () => {
    const [clean] = await insertBatches(t.db, [
      makeBatch({ ...dates, originCountry: "Burundi", metadataHash: hash(1), pricePerKg: "9.00" }),
    ]);
    const result = await assessFraud(t.db, clean.id, actor, userId);
    expect(result).toMatchObject({ batch_id: clean.id, score: 0, model_version: "fraud-v1", alert_id: null });
    expect(result.factors).toHaveLength(6);
    expect(await alertsOf(clean.id)).toEqual([]);
    expect(await auditsOf(clean.id)).toHaveLength(1);
  });

  it("scores a mismatched, copied, overpriced batch ≥ 50 from exactly those factors, with one alert", async () => {
    const peers = ["10.00", "10.50", "11.00", "11.50", "12.00", "12.50"].map((p) =>
      makeBatch({ ...dates, originCountry: "Colombia", pricePerKg: p }),
    );
    const [original, suspect] = await insertBatches(t.db, [
      makeBatch({ ...dates, originCountry: "Peru", metadataHash: hash(2) }),
      makeBatch({
        ...dates,
        originCountry: "Colombia",
        metadataHash: hash(2),
        pricePerKg: "40.00",
        quantityKg: "1000.000",
        onchainQuantity: "1100000",
      }),
      ...peers,
    ]);
    const result = await assessFraud(t.db, suspect.id, actor, userId);
    expect(pointsOf(result.factors)).toEqual({ quantity_mismatch: 25, metadata_hash_reused: 15, price_outlier: 15 });
    expect(result.score).toBe(55);
    expect(result.alert_id).not.toBeNull();

    const alerts = await alertsOf(suspect.id);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({
      id: result.alert_id,
      type: "fraud_risk",
      severity: "high",
      status: "open",
      source: `fraud:${result.model_version}`,
      details: expect.objectContaining({ assessment_id: result.id }),
    });
    expect(alerts[0].message).toContain("quantity mismatch (+25)");
    const audits = await auditsOf(suspect.id);
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({
      entityId: String(result.id),
      action: "fraud.assessed",
      actorKind: "user",
      actorId: String(userId),
      after: { score: 55, model_version: "fraud-v1" },
    });
    const stored = await assessmentsOf(suspect.id);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      score: 55,
      modelVersion: "fraud-v1",
      assessedBy: userId,
      factors: result.factors,
    });
    expect(await alertsOf(original.id)).toEqual([]);
    // The batch keeps its latest score and level, so the inventory filters and sorts on them.
    const [kept] = await t.db
      .select({ score: batches.riskScore, level: batches.riskLevel })
      .from(batches)
      .where(eq(batches.id, suspect.id));
    expect(kept).toEqual({ score: 55, level: "high" });
  });

  it("keeps history: a second assessment stores a second row with the same factors", async () => {
    const [batch] = await insertBatches(t.db, [
      makeBatch({ ...dates, originCountry: "Rwanda", onchainQuantity: "999000" }),
    ]);
    const first = await assessFraud(t.db, batch.id, actor);
    const second = await assessFraud(t.db, batch.id, actor);
    expect(second.id).not.toBe(first.id);
    expect(second.factors).toEqual(first.factors);
    expect(second.score).toBe(first.score);
    expect(await assessmentsOf(batch.id)).toHaveLength(2);
    expect(await latestAssessment(t.db, batch.id)).toEqual(second);
  });

  it("counts rejected requests on the operator's and the warehouse's other batches", async () => {
    const owner = "0x00000000000000000000000000000000000000aa";
    const [target, ...others] = await insertBatches(t.db, [
      makeBatch({ ...dates, originCountry: "Yemen", ownerAddress: owner, warehouse: "Aden Dry" }),
      makeBatch({ ...dates, originCountry: "Yemen", ownerAddress: owner.toUpperCase().replace("0X", "0x") }),
      makeBatch({ ...dates, originCountry: "Yemen", ownerAddress: owner }),
      makeBatch({ ...dates, originCountry: "Yemen", warehouse: "Aden Dry" }),
    ]);
    await t.db
      .insert(verificationRequests)
      .values([
        ...[others[0], others[1], others[1]].map((b) => ({ batchId: b.id, status: "rejected" as const })),
        { batchId: others[2].id, status: "rejected" as const },
        { batchId: others[2].id, status: "approved" as const },
        { batchId: target.id, status: "rejected" as const },
      ]);
    const result = await assessFraud(t.db, target.id, actor);
    const factor = result.factors.find((f) => f.name === "repeated_discrepancies");
    expect(factor).toMatchObject({ value: "operator 3, warehouse 1", points: 6 });
  });

  it("refuses an unknown batch and a draft", async () => {
    const [draft] = await insertBatches(t.db, [
      makeBatch({ ...dates, tokenId: null, status: "draft", onchainQuantity: null }),
    ]);
    await expect(assessFraud(t.db, 999_999, actor)).rejects.toMatchObject({ code: "not_found" });
    await expect(assessFraud(t.db, draft.id, actor)).rejects.toBeInstanceOf(ApiError);
    await expect(assessFraud(t.db, draft.id, actor)).rejects.toMatchObject({ code: "rule_broken" });
    expect(await assessmentsOf(draft.id)).toEqual([]);
  });
});
