// Each detector on a staged condition, against real Postgres (and the real anvil where it reads the
// chain): two runs raise its alert once, with the figures that crossed the line as evidence, and a
// run after the condition ends clears it with the figures now. A detector that throws only records
// its error.
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { recordAudit } from "@/lib/audit/record";
import {
  auditAnchors,
  auditRecords,
  batchAlerts,
  batches,
  detectorStates,
  monitorSamples,
  recommendations,
  systemAlerts,
  warehouses,
  warehouseStock,
  webhookEndpoints,
} from "@/lib/db/schema";
import { listenerId, saveListener } from "@/lib/events/listener";
import { collectSamples } from "@/lib/monitoring/collect";
import type { Detector, MonitorContext } from "@/lib/monitoring/detector";
import { anchoringOverdue } from "@/lib/monitoring/detectors/anchoring-overdue";
import { auditChainBroken } from "@/lib/monitoring/detectors/audit-chain-broken";
import { countsDisagree } from "@/lib/monitoring/detectors/counts-disagree";
import { expiringUnreserved } from "@/lib/monitoring/detectors/expiring-unreserved";
import { jobQueueBacklog } from "@/lib/monitoring/detectors/job-queue-backlog";
import { listenerLag } from "@/lib/monitoring/detectors/listener-lag";
import { priceOutlier } from "@/lib/monitoring/detectors/price-outlier";
import { rpcErrorRate } from "@/lib/monitoring/detectors/rpc-error-rate";
import { syncDriftGrowing } from "@/lib/monitoring/detectors/sync-drift-growing";
import { warehouseOverCapacity } from "@/lib/monitoring/detectors/warehouse-over-capacity";
import { webhookFailing } from "@/lib/monitoring/detectors/webhook-failing";
import { runDetector } from "@/lib/monitoring/run";
import { createStatusClient } from "@/lib/system/checks";
import { demoBatches } from "@/scripts/lib/demo-batches";

import { mintToProducer, type TestToken } from "./helpers/chain";
import { createTestDb, withoutTriggers, type TestDb } from "./helpers/db";
import { startDbAndToken } from "./helpers/db-and-token";
import { insertBatches, insertBuyer, insertFailingEndpoint, makeBatch } from "./helpers/factories";

let t: TestDb;
let chain: TestToken;
let ctx: MonitorContext;

const contextFor = (db: TestDb["db"], probe = chain.client): MonitorContext => ({
  db,
  chain: { client: chain.client, chainId: 31337, address: chain.address },
  probe,
  listener: { chainId: 31337, address: chain.address },
  isAnchoring: true,
});

/** Runs the detector twice: the second run must raise nothing new. */
async function twice(d: Detector, now = new Date(), c = ctx) {
  const first = await runDetector(c, d, now);
  const second = await runDetector(c, d, now);
  expect(first.error).toBeNull();
  expect(second).toMatchObject({ error: null, raised: 0 });
  return first;
}

const systemOf = (c: MonitorContext, type: Detector["name"]) =>
  c.db
    .select()
    .from(systemAlerts)
    .where(eq(systemAlerts.type, type as "listener_lag"))
    .orderBy(systemAlerts.id);
const batchOf = (type: "price_outlier" | "expiring_unreserved") =>
  t.db.select().from(batchAlerts).where(eq(batchAlerts.type, type)).orderBy(batchAlerts.id);
const stateOf = async (c: MonitorContext, d: Detector) =>
  (await c.db.select().from(detectorStates).where(eq(detectorStates.detector, d.name)))[0];

/** One alert raised and still open with this evidence; then the condition ends and `after` clears it. */
async function expectRaisedThenCleared(
  d: Detector,
  evidence: Record<string, unknown>,
  end: () => Promise<unknown>,
  { now = new Date(), c = ctx }: { now?: Date; c?: MonitorContext } = {},
) {
  expect((await twice(d, now, c)).raised).toBe(1);
  const raised = await systemOf(c, d.name);
  expect(raised).toHaveLength(1);
  expect(raised[0]).toMatchObject({ status: "open", details: evidence });
  expect(await stateOf(c, d)).toMatchObject({ findings: 1, error: null });
  await end();
  expect(await runDetector(c, d, now)).toMatchObject({ findings: 0, cleared: 1, error: null });
  const [cleared] = await systemOf(c, d.name);
  expect(cleared.status).toBe("resolved");
  expect(cleared.resolutionNote).toMatch(/^Cleared: /);
  expect(await stateOf(c, d)).toMatchObject({ findings: 0, evidence: [] });
  return cleared;
}

beforeAll(async () => {
  ({ t, chain } = await startDbAndToken());
  ctx = contextFor(t.db);
});
afterAll(() => t.drop());

describe("detectors", () => {
  it("listener_lag: the head far past the listener's last block, until it catches up", async () => {
    await chain.client.request({ method: "anvil_mine" as never, params: ["0x1e"] as never });
    await saveListener(t.db, ctx.listener, { lastBlock: 0n }, { lastBlock: 0n });
    const head = await chain.client.getBlockNumber({ cacheTime: 0 });
    const alert = await expectRaisedThenCleared(listenerLag, { last_block: "0", threshold: 20 }, async () =>
      saveListener(
        t.db,
        ctx.listener,
        { lastBlock: await chain.client.getBlockNumber({ cacheTime: 0 }) },
        { lastBlock: 0n },
      ),
    );
    expect(alert.source).toBe(listenerId(ctx.listener));
    expect(Number((alert.details as { lag_blocks: number }).lag_blocks)).toBeGreaterThanOrEqual(Number(head));
    expect(alert.resolutionNote).toMatch(/lag_blocks=\d+, threshold=20/);
  });

  it("rpc_error_rate: two failed probes of five, until newer probes answer; a probe of a node that does not answer counts as failed", async () => {
    // Nothing listens on port 9: the probe fails at once.
    await collectSamples(contextFor(t.db, createStatusClient("http://127.0.0.1:9", 31337)), new Date());
    const probes = await t.db.select().from(monitorSamples).where(eq(monitorSamples.metric, "rpc_probe"));
    expect(probes.map((p) => p.value)).toEqual(["1"]);
    const ago = (s: number) => new Date(Date.now() - s * 1000);
    await t.db
      .insert(monitorSamples)
      .values(["1", "0", "0", "0"].map((value, i) => ({ metric: "rpc_probe" as const, value, takenAt: ago(60 + i) })));
    await expectRaisedThenCleared(rpcErrorRate, { samples: 5, errors: 2, rate: 0.4, window_minutes: 10 }, () =>
      t.db
        .insert(monitorSamples)
        .values(Array.from({ length: 6 }, () => ({ metric: "rpc_probe" as const, value: "0", takenAt: ago(1) }))),
    );
  });

  it("job_queue_backlog: a job waiting 10 minutes for a worker, until it runs; an unreadable queue is an error only", async () => {
    const failed = await runDetector(ctx, jobQueueBacklog, new Date());
    expect(failed.error).toMatch(/cannot be read/);
    expect(await stateOf(ctx, jobQueueBacklog)).toMatchObject({
      findings: 0,
      error: expect.stringMatching(/cannot be read/),
    });
    await t.pool
      .query(`create schema pgboss; create type pgboss.job_state as enum ('created', 'retry', 'active', 'completed', 'cancelled', 'failed');
      create table pgboss.job (name text, state pgboss.job_state, start_after timestamptz default now(), created_on timestamptz default now(), completed_on timestamptz)`);
    await t.pool.query(
      "insert into pgboss.job (name, state, start_after) values ('sync', 'created', now() - interval '10 minutes')",
    );
    const alert = await expectRaisedThenCleared(jobQueueBacklog, { queued: 1, queues: { sync: { queued: 1 } } }, () =>
      t.pool.query("update pgboss.job set state = 'completed', completed_on = now()"),
    );
    expect((alert.details as { oldest_wait_seconds: number }).oldest_wait_seconds).toBeGreaterThanOrEqual(600);
  });

  it("sync_drift_growing: seven more batches out of sync than 20 minutes ago, until the drift falls; proposes a sync", async () => {
    await t.db.delete(monitorSamples).where(eq(monitorSamples.metric, "sync_drift"));
    const now = new Date();
    const at = (min: number) => new Date(now.getTime() + min * 60_000);
    await t.db.insert(monitorSamples).values([
      { metric: "sync_drift", value: "2", details: { out_of_sync: 2, error: 0 }, takenAt: at(-20) },
      { metric: "sync_drift", value: "9", details: { out_of_sync: 8, error: 1 }, takenAt: now },
    ]);
    const evidence = { now: 9, before: 2, growth: 7, threshold: 5, out_of_sync: 8, error: 1 };
    expect((await twice(syncDriftGrowing, now)).raised).toBe(1);
    const [alert] = await systemOf(ctx, "sync_drift_growing");
    expect(alert.details).toEqual(evidence);
    const [proposed] = await t.db.select().from(recommendations).where(eq(recommendations.systemAlertId, alert.id));
    expect(proposed).toMatchObject({ kind: "run_sync", status: "open", confidence: "0.700", evidence });
    await t.db
      .insert(monitorSamples)
      .values({ metric: "sync_drift", value: "3", details: { out_of_sync: 3, error: 0 }, takenAt: at(1) });
    expect(await runDetector(ctx, syncDriftGrowing, at(1))).toMatchObject({ cleared: 1 });
    const [cleared] = await systemOf(ctx, "sync_drift_growing");
    expect(cleared.resolutionNote).toBe("Cleared: now=3, before=2, growth=1, threshold=5, out_of_sync=3, error=0");
    const [obsolete] = await t.db.select().from(recommendations).where(eq(recommendations.id, proposed.id));
    expect(obsolete.status).toBe("obsolete");
  });

  it("expiring_unreserved: 600 kg for sale expiring in 10 days with nothing reserved, until an order reserves some", async () => {
    const today = new Date();
    const inDays = (n: number) => new Date(today.getTime() + n * 86_400_000).toISOString().slice(0, 10);
    const [batch] = await insertBatches(t.db, [
      makeBatch({ expiryDate: inDays(10), pricePerKg: "8.50", originCountry: "Expiria" }),
    ]);
    await t.db
      .insert(warehouses)
      .values({ code: "EXP-1", name: "Expiry shed", country: "Kenya", capacityKg: "100000" });
    await t.db.insert(warehouseStock).values({
      chainId: 31337,
      tokenId: batch.tokenId!,
      holder: chain.producer.address.toLowerCase(),
      warehouse: "EXP-1",
      balance: "600000",
    });
    expect((await twice(expiringUnreserved, today)).raised).toBe(1);
    const [alert] = await batchOf("expiring_unreserved");
    expect(alert).toMatchObject({
      batchId: batch.id,
      severity: "medium",
      source: "monitor",
      status: "open",
      details: {
        batch_code: batch.batchCode,
        expiry_date: inDays(10),
        days_left: 10,
        for_sale_kg: "600.000",
        price_per_kg: "8.50",
        value_usd: "5100.00",
      },
    });
    const [proposed] = await t.db.select().from(recommendations).where(eq(recommendations.alertId, alert.id));
    expect(proposed).toMatchObject({
      kind: "sell_before_expiry",
      batchId: batch.id,
      expectedEffect: "Avoids writing off 600.000 kg ≈ $5100.00 at expiry.",
    });
    const buyer = await insertBuyer(t.db, "Expiry Roasters", "0x00000000000000000000000000000000000000e1");
    const {
      rows: [order],
    } = await t.db.execute<{ id: string }>(
      sql`insert into orders (buyer_id, status, currency) values (${buyer}, 'reserved', 'USD') returning id::text`,
    );
    const {
      rows: [line],
    } = await t.db.execute<{ id: string }>(
      sql`insert into order_lines (order_id, batch_id, quantity, price_per_kg) values (${order.id}, ${batch.id}, 100000, 9) returning id::text`,
    );
    await t.db.execute(
      sql`insert into reservations (order_line_id, batch_id, quantity, expires_at) values (${line.id}, ${batch.id}, 100000, now() + interval '1 day')`,
    );
    expect(await runDetector(ctx, expiringUnreserved, today)).toMatchObject({ cleared: 1 });
    const [cleared] = await batchOf("expiring_unreserved");
    expect(cleared).toMatchObject({ status: "resolved", resolutionNote: "Cleared: batches=0" });
    const [audit] = await t.db
      .select()
      .from(auditRecords)
      .where(and(eq(auditRecords.action, "alert.resolved"), eq(auditRecords.entityId, String(alert.id))));
    expect(audit).toMatchObject({ actorKind: "system", actorId: "monitor", batchId: batch.id });
    expect((await t.db.select().from(recommendations).where(eq(recommendations.id, proposed.id)))[0].status).toBe(
      "obsolete",
    );
  });

  it("price_outlier: one mint at 10× the price of six from its origin, until it is verified", async () => {
    const normal = ["10.00", "10.50", "11.00", "9.50", "10.20", "10.80"].map((p) =>
      makeBatch({ originCountry: "Outlandia", pricePerKg: p }),
    );
    const [odd] = await insertBatches(t.db, [makeBatch({ originCountry: "Outlandia", pricePerKg: "103.00" })]);
    await insertBatches(t.db, normal);
    expect((await twice(priceOutlier)).raised).toBe(1);
    const alerts = await batchOf("price_outlier");
    expect(alerts).toHaveLength(1);
    // Seven comparables: median 10.50, absolute deviations 0.5, 0, 0.5, 1, 0.3, 0.3, 92.5 → MAD 0.5.
    expect(alerts[0]).toMatchObject({
      batchId: odd.id,
      severity: "high",
      details: {
        batch_code: odd.batchCode,
        origin: "Outlandia",
        price_per_kg: "103.00",
        median: "10.50",
        mad: "0.50",
        comparables: 7,
        ratio: 9.81,
      },
    });
    expect((alerts[0].details as { robust_z: number }).robust_z).toBeCloseTo(92.5 / (1.4826 * 0.5), 1);
    const [proposed] = await t.db.select().from(recommendations).where(eq(recommendations.alertId, alerts[0].id));
    expect(proposed).toMatchObject({
      kind: "reverify_batch",
      title: `Re-verify batch ${odd.batchCode}`,
      confidence: "0.760",
    });
    await t.db.update(batches).set({ verificationStatus: "verified" }).where(eq(batches.id, odd.id));
    expect(await runDetector(ctx, priceOutlier, new Date())).toMatchObject({ cleared: 1 });
    expect((await batchOf("price_outlier"))[0]).toMatchObject({
      status: "resolved",
      resolutionNote: "Cleared: outliers=0",
    });
  });

  it("warehouse_over_capacity: 5 t in a 1 t warehouse, until its capacity is raised", async () => {
    await t.db.insert(warehouses).values({ code: "TINY-1", name: "Tiny shed", country: "Peru", capacityKg: "1000" });
    await t.db.insert(warehouseStock).values({
      chainId: 31337,
      tokenId: "424242",
      holder: "0x00000000000000000000000000000000000000aa",
      warehouse: "TINY-1",
      balance: "5000000",
    });
    const alert = await expectRaisedThenCleared(
      warehouseOverCapacity,
      { warehouse: "TINY-1", on_hand_kg: "5000.000", capacity_kg: "1000.000", used_pct: "500.0" },
      () => t.db.update(warehouses).set({ capacityKg: "10000" }).where(eq(warehouses.code, "TINY-1")),
    );
    expect(alert.source).toBe("warehouse:TINY-1");
  });

  it("counts_disagree: a minted row the chain does not hold, until it is gone", async () => {
    const c = await createTestDb();
    try {
      const cc = contextFor(c.db);
      await mintToProducer(chain, demoBatches(2, new Date(), 7));
      const head = await chain.client.getBlockNumber({ cacheTime: 0 });
      await saveListener(c.db, cc.listener, { lastBlock: head }, { lastBlock: head });
      await insertBatches(c.db, [makeBatch({ tokenId: "1" }), makeBatch({ tokenId: "2" })]);
      expect(await runDetector(cc, countsDisagree, new Date())).toMatchObject({ findings: 0, error: null });
      const [extra] = await insertBatches(c.db, [makeBatch({ tokenId: "3" })]);
      await expectRaisedThenCleared(
        countsDisagree,
        { chain_count: 2, database_count: 3, block: head.toString() },
        () => c.db.delete(batches).where(eq(batches.id, extra.id)),
        { c: cc },
      );
    } finally {
      await c.drop();
    }
  });

  it("audit_chain_broken: a record's note edited behind the log's back, until it is restored", async () => {
    await recordAudit(
      t.db,
      ...[1, 2, 3].map((n) => ({
        entity: "test",
        entityId: n,
        action: "test.noted",
        actor: { kind: "system" as const },
        note: `note ${n}`,
      })),
    );
    const [target] = await t.db.select().from(auditRecords).where(eq(auditRecords.note, "note 2"));
    // An alert of its type from another source (staged by hand) is not the detector's to clear.
    await t.db
      .insert(systemAlerts)
      .values({ type: "audit_chain_broken", severity: "critical", source: "staged:1", message: "staged" });
    expect(await runDetector(ctx, auditChainBroken, new Date())).toMatchObject({ findings: 0, cleared: 0 });
    await t.db.delete(systemAlerts).where(eq(systemAlerts.source, "staged:1"));
    await withoutTriggers(t, `update audit_records set note = 'forged' where position = ${target.position}`);
    const alert = await expectRaisedThenCleared(
      auditChainBroken,
      {
        position: target.position,
        reason: `record ${target.position}'s content no longer matches its hash (it was edited)`,
      },
      () => withoutTriggers(t, `update audit_records set note = 'note 2' where position = ${target.position}`),
    );
    expect(alert).toMatchObject({ source: `position:${target.position}`, severity: "critical" });
  });

  it("anchoring_overdue: records unanchored for 31 minutes, until an anchor is confirmed", async () => {
    await recordAudit(t.db, { entity: "test", entityId: 9, action: "test.noted", actor: { kind: "system" } });
    const {
      rows: [r],
    } = await t.db.execute<{ n: string; last: string; oldest: string }>(
      sql`select count(*)::text as n, max(position)::text as last, min(created_at) as oldest from audit_records`,
    );
    const later = new Date(Date.now() + 31 * 60_000);
    expect((await runDetector({ ...ctx, isAnchoring: false }, anchoringOverdue, later)).findings).toBe(0);
    await expectRaisedThenCleared(
      anchoringOverdue,
      { unanchored_records: Number(r.n), oldest_unanchored_at: new Date(r.oldest).toISOString(), last_anchor_at: null },
      () =>
        t.db.insert(auditAnchors).values({
          chainId: 31337,
          contractAddress: chain.anchorAddress,
          fromPosition: 1,
          toPosition: Number(r.last),
          root: "0x" + "ab".repeat(32),
          status: "confirmed",
          confirmedAt: new Date(),
        }),
      { now: later },
    );
  });

  it("webhook_failing: an active endpoint failing five times in a row, until one succeeds; proposes a pause", async () => {
    const endpoint = await insertFailingEndpoint(t.db, "http://127.0.0.1:9/hook", 5);
    await expectRaisedThenCleared(
      webhookFailing,
      { endpoint_id: endpoint.id, url: "http://127.0.0.1:9/hook", streak: 5, last_status_code: null },
      async () => {
        const [alert] = await systemOf(ctx, "webhook_failing");
        const [proposed] = await t.db.select().from(recommendations).where(eq(recommendations.systemAlertId, alert.id));
        expect(proposed).toMatchObject({
          kind: "pause_webhook",
          endpointId: endpoint.id,
          status: "open",
          confidence: "0.750",
        });
        await t.db.update(webhookEndpoints).set({ failureStreak: 0 }).where(eq(webhookEndpoints.id, endpoint.id));
      },
    );
    expect(
      (await t.db.select().from(recommendations).where(eq(recommendations.endpointId, endpoint.id)))[0].status,
    ).toBe("obsolete");
  });
});
