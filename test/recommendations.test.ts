// Recommendations: what each kind says on worked numbers (pure), and deciding one against real
// Postgres: accepting runs its action (a pending verification request, a queued sync on a real
// pg-boss, a paused webhook, the order page named), dismissing needs a reason, each kind names who
// may decide it, a refusal changes nothing, a cleared alert makes its proposal obsolete, and the
// acceptance rate is kept per kind.
import { and, eq } from "drizzle-orm";
import type PgBoss from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { raiseAlert } from "@/lib/alerts/raise";
import { raiseSystemAlert } from "@/lib/alerts/system";
import type { Caller } from "@/lib/auth/caller";
import { auditRecords, recommendations, syncHistory, verificationRequests, webhookEndpoints } from "@/lib/db/schema";
import { enqueueSync, startBoss } from "@/lib/jobs/boss";
import { webhookFailing } from "@/lib/monitoring/detectors/webhook-failing";
import { runDetector } from "@/lib/monitoring/run";
import { acceptRecommendation, dismissRecommendation, type DecideDeps } from "@/lib/recommendations/decide";
import { describe as describeKind, kinds } from "@/lib/recommendations/kinds";
import { proposeRecommendation } from "@/lib/recommendations/propose";
import { recommendationStats } from "@/lib/recommendations/stats";

import { insertStaff } from "./helpers/callers";
import { createTestDb, type TestDb } from "./helpers/db";
import { insertBatches, insertFailingEndpoint, makeBatch } from "./helpers/factories";
import { refusal } from "./helpers/refusal";

let t: TestDb;
let boss: PgBoss;
let deps: DecideDeps;
let operator: Caller, verifier: Caller, admin: Caller;

const outlier = {
  batch_code: "TST-1",
  origin: "Kenya",
  price_per_kg: "103.00",
  median: "10.50",
  mad: "0.50",
  ratio: 9.81,
};

beforeAll(async () => {
  t = await createTestDb();
  boss = await startBoss(t.url, "sender");
  deps = { enqueueSync: enqueueSync(boss) };
  [operator, verifier, admin] = await insertStaff(t.db, [
    { email: "op@rec.test", name: "Olu Operator", role: "operator" },
    { email: "ve@rec.test", name: "Vera Verifier", role: "verifier" },
    { email: "ad@rec.test", name: "Ada Admin", role: "admin" },
  ]);
});
afterAll(async () => {
  await boss.stop({ graceful: false, wait: true });
  await t.drop();
});

/** A batch with an open alert and a recommendation of `kind` linked to it. */
async function proposed(kind: "reverify_batch" | "sell_before_expiry", evidence: Record<string, unknown>) {
  const [batch] = await insertBatches(t.db, [makeBatch({ pricePerKg: "103.00" })]);
  const alertId = await t.db.transaction((tx) =>
    raiseAlert(
      tx,
      {
        batchId: batch.id,
        type: kind === "reverify_batch" ? "price_outlier" : "expiring_unreserved",
        severity: "high",
        source: "monitor",
        message: "staged",
      },
      { kind: "system", id: "monitor" },
    ),
  );
  const id = await proposeRecommendation(t.db, {
    kind,
    source: `batch:${batch.id}`,
    batchId: batch.id,
    alertId: alertId!,
    evidence: { ...evidence, batch_code: batch.batchCode },
  });
  return { batch, id: id! };
}
const rowOf = async (id: number) => (await t.db.select().from(recommendations).where(eq(recommendations.id, id)))[0];
const auditsOf = (id: number) =>
  t.db
    .select()
    .from(auditRecords)
    .where(and(eq(auditRecords.entity, "recommendation"), eq(auditRecords.entityId, String(id))));

describe("kinds", () => {
  it("re-verify: confidence from the robust z, lowered with fewer than 10 comparables", () => {
    expect(kinds.reverify_batch.confidence({ robust_z: 5.5, comparables: 12 })).toBe(0.7);
    expect(kinds.reverify_batch.confidence({ robust_z: 5.5, comparables: 7 })).toBe(0.56);
    expect(kinds.reverify_batch.confidence({ robust_z: 3.6, comparables: 40 })).toBe(0.51);
    expect(kinds.reverify_batch.confidence({ robust_z: 124.77, comparables: 7 })).toBe(0.76);
    // A MAD of 0 gives no z: the price is off a flat market, as sure as it gets.
    expect(kinds.reverify_batch.confidence({ robust_z: null, comparables: 30 })).toBe(0.95);
    const text = describeKind("reverify_batch", { ...outlier, robust_z: 124.77, comparables: 7 });
    expect(text.title).toBe("Re-verify batch TST-1");
    expect(text.factors).toEqual([
      { name: "Price per kg", value: "$103.00", note: "Median of Kenya batches: $10.50" },
      { name: "Robust z", value: "124.77", note: "Over 3.5 is an outlier (MAD-based)" },
      { name: "Price ÷ median", value: "9.81×", note: "Outside 0.5–2×" },
      { name: "Comparables", value: "7", note: "Fewer than 10 lowers the confidence" },
    ]);
  });

  it("sell before expiry: surer as the date nears; the effect in exact kg and dollars", () => {
    const e = {
      batch_code: "TST-2",
      days_left: 10,
      expiry_date: "2026-12-10",
      for_sale_kg: "600.000",
      price_per_kg: "8.50",
      value_usd: "5100.00",
    };
    expect(kinds.sell_before_expiry.confidence(e)).toBe(0.8);
    expect(kinds.sell_before_expiry.confidence({ ...e, days_left: 0 })).toBe(0.9);
    expect(kinds.sell_before_expiry.confidence({ ...e, days_left: 30 })).toBe(0.6);
    expect(kinds.sell_before_expiry.effect(e)).toBe("Avoids writing off 600.000 kg ≈ $5100.00 at expiry.");
    expect(kinds.sell_before_expiry.effect({ ...e, value_usd: null })).toBe("Avoids writing off 600.000 kg at expiry.");
  });

  it("pause webhook: 0.5 + 0.05 a failure, at most 0.95; run sync: 0.7 for drift, 0.85 for disagreeing counts", () => {
    expect(kinds.pause_webhook.confidence({ streak: 5 })).toBe(0.75);
    expect(kinds.pause_webhook.confidence({ streak: 12 })).toBe(0.95);
    expect(kinds.run_sync.confidence({ now: 9, before: 2, growth: 7 })).toBe(0.7);
    expect(kinds.run_sync.confidence({ chain_count: 2, database_count: 3, block: "9" })).toBe(0.85);
    expect(kinds.run_sync.factors({ chain_count: 2, database_count: 3, block: "9" })[0]).toEqual({
      name: "Chain count",
      value: "2",
      note: "At block 9",
    });
  });
});

describe("deciding", () => {
  it("accepting a re-verify creates a pending verification request, once; a second decision is a 409", async () => {
    const { batch, id } = await proposed("reverify_batch", { ...outlier, robust_z: 124.77, comparables: 7 });
    const { recommendation, result } = await acceptRecommendation(t.db, id, "Count it before Friday.", verifier, deps);
    const [request] = await t.db.select().from(verificationRequests).where(eq(verificationRequests.batchId, batch.id));
    expect(request).toMatchObject({ status: "pending", notes: "Count it before Friday." });
    expect(result).toEqual({ verification_request_id: request.id });
    expect(recommendation).toMatchObject({ status: "accepted", decision_note: "Count it before Friday.", result });
    expect(await auditsOf(id)).toMatchObject([
      { action: "recommendation.accepted", actorId: expect.any(String), batchId: batch.id },
    ]);
    const again = await refusal(dismissRecommendation(t.db, id, "Changed my mind.", admin));
    expect(again).toMatchObject({ code: "conflict" });
    expect(again.message).toMatch(/is accepted since/);
    expect(await auditsOf(id)).toHaveLength(1);
  });

  it("a dismissal needs a reason of 3–500 characters; a refused one changes nothing", async () => {
    const { id } = await proposed("reverify_batch", { ...outlier, robust_z: 9, comparables: 20 });
    const before = await rowOf(id);
    expect(await refusal(dismissRecommendation(t.db, id, "no", verifier))).toMatchObject({ code: "validation_error" });
    expect(await refusal(dismissRecommendation(t.db, id, "x".repeat(501), verifier))).toMatchObject({
      code: "validation_error",
    });
    expect(await rowOf(id)).toEqual(before);
    const dismissed = await dismissRecommendation(t.db, id, "  The price was agreed for a micro-lot.  ", verifier);
    expect(dismissed).toMatchObject({
      status: "dismissed",
      decision_note: "The price was agreed for a micro-lot.",
      result: null,
    });
    expect(await auditsOf(id)).toMatchObject([
      { action: "recommendation.dismissed", note: "The price was agreed for a micro-lot." },
    ]);
  });

  it("each kind names who may decide it: sell and sync are for operators, pause for admins, and no API key decides", async () => {
    const { batch, id: sell } = await proposed("sell_before_expiry", { days_left: 5, for_sale_kg: "10.000" });
    const refused = await refusal(acceptRecommendation(t.db, sell, undefined, verifier, deps));
    expect(refused).toMatchObject({ code: "forbidden" });
    expect(refused.message).toMatch(/Only admins, operators signed in may decide a sell before expiry recommendation/);
    const key: Caller = { kind: "api_key", keyId: 1, role: "operator" };
    expect(await refusal(acceptRecommendation(t.db, sell, undefined, key, deps))).toMatchObject({ code: "forbidden" });
    expect((await rowOf(sell)).status).toBe("open");
    expect((await acceptRecommendation(t.db, sell, undefined, operator, deps)).result).toEqual({
      open: `/orders/new?batch_id=${batch.id}`,
    });

    const endpoint = await insertFailingEndpoint(t.db, "http://127.0.0.1:9/hook", 6);
    await runDetector({ db: t.db } as never, webhookFailing, new Date());
    const [pause] = await t.db.select().from(recommendations).where(eq(recommendations.endpointId, endpoint.id));
    expect(pause).toMatchObject({ kind: "pause_webhook", status: "open", confidence: "0.800" });
    expect((await refusal(acceptRecommendation(t.db, pause.id, undefined, operator, deps))).message).toMatch(
      /Only admins signed in/,
    );
    expect((await acceptRecommendation(t.db, pause.id, undefined, admin, deps)).result).toEqual({
      endpoint_id: endpoint.id,
      status: "paused",
    });
    expect((await t.db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, endpoint.id)))[0].status).toBe(
      "paused",
    );
    const [paused] = await t.db.select().from(auditRecords).where(eq(auditRecords.action, "webhook.paused"));
    expect(paused).toMatchObject({ entityId: String(endpoint.id), actorKind: "user" });

    const sync = await proposeRecommendation(t.db, {
      kind: "run_sync",
      source: "chain_counts",
      systemAlertId: await stagedSystemAlert(),
      evidence: { chain_count: 2, database_count: 3, block: "9" },
    });
    expect(await refusal(acceptRecommendation(t.db, sync!, undefined, verifier, deps))).toMatchObject({
      code: "forbidden",
    });
    const { result } = await acceptRecommendation(t.db, sync!, undefined, operator, deps);
    const [run] = await t.db
      .select()
      .from(syncHistory)
      .where(eq(syncHistory.id, result.sync_id as number));
    expect(run).toMatchObject({ trigger: "manual", status: "queued" });
    const job = await boss.getJobById("sync", run.jobId!);
    expect(job?.data).toEqual({ syncId: run.id });
  });

  it("a failing webhook's proposal is not made again once decided, and goes obsolete when its alert clears", async () => {
    const endpoint = await insertFailingEndpoint(t.db, "http://127.0.0.1:9/other", 5);
    const ctx = { db: t.db } as never;
    await runDetector(ctx, webhookFailing, new Date());
    const mine = () => t.db.select().from(recommendations).where(eq(recommendations.endpointId, endpoint.id));
    const [first] = await mine();
    await dismissRecommendation(t.db, first.id, "The receiver is being redeployed.", admin);
    await runDetector(ctx, webhookFailing, new Date());
    expect((await mine()).map((r) => r.status)).toEqual(["dismissed"]);
    // Cleared, then failing again: a new alert, a new proposal; cleared again, it goes obsolete.
    await t.db.update(webhookEndpoints).set({ failureStreak: 0 }).where(eq(webhookEndpoints.id, endpoint.id));
    await runDetector(ctx, webhookFailing, new Date());
    await t.db.update(webhookEndpoints).set({ failureStreak: 7 }).where(eq(webhookEndpoints.id, endpoint.id));
    await runDetector(ctx, webhookFailing, new Date());
    expect((await mine()).map((r) => r.status)).toEqual(["dismissed", "open"]);
    await t.db.update(webhookEndpoints).set({ failureStreak: 0 }).where(eq(webhookEndpoints.id, endpoint.id));
    await runDetector(ctx, webhookFailing, new Date());
    expect((await mine()).map((r) => r.status)).toEqual(["dismissed", "obsolete"]);
  });

  it("keeps the acceptance rate per kind: accepted over decided", async () => {
    const stats = Object.fromEntries((await recommendationStats(t.db)).map((s) => [s.kind, s]));
    expect(stats.reverify_batch).toEqual({
      kind: "reverify_batch",
      proposed: 2,
      accepted: 1,
      dismissed: 1,
      open: 0,
      obsolete: 0,
      acceptance_rate: 0.5,
    });
    expect(stats.sell_before_expiry).toMatchObject({ proposed: 1, accepted: 1, acceptance_rate: 1 });
    expect(stats.pause_webhook).toEqual({
      kind: "pause_webhook",
      proposed: 3,
      accepted: 1,
      dismissed: 1,
      open: 0,
      obsolete: 1,
      acceptance_rate: 0.5,
    });
    expect(stats.run_sync).toMatchObject({ proposed: 1, accepted: 1, acceptance_rate: 1 });
  });
});

async function stagedSystemAlert() {
  return (await raiseSystemAlert(t.db, {
    type: "counts_disagree",
    severity: "high",
    source: "chain_counts",
    message: "staged",
  }))!;
}
