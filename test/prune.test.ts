// Expired nonces and rate-limit windows go; anything still in force stays.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";

import {
  chainlinkCalls,
  chainlinkNonces,
  monitorSamples,
  rateLimits,
  siweNonces,
  traceScanClients,
} from "@/lib/db/schema";
import { pruneExpired, refusedCallRetentionDays } from "@/lib/jobs/prune";

import { createTestDb, type TestDb } from "./helpers/db";
import { insertBatches, makeBatch } from "./helpers/factories";

let t: TestDb;
beforeAll(async () => (t = await createTestDb()));
afterAll(() => t.drop());

it("deletes only what can no longer matter", async () => {
  const ago = (ms: number) => new Date(Date.now() - ms);
  await t.db.insert(rateLimits).values([
    { key: "old", windowStart: ago(2 * 86_400_000), count: 3 },
    { key: "now", windowStart: ago(60_000), count: 1 },
  ]);
  await t.db.insert(siweNonces).values([
    { nonce: "expired-long-ago", expiresAt: ago(2 * 86_400_000) },
    { nonce: "fresh", expiresAt: new Date(Date.now() + 600_000) },
  ]);
  await t.db.insert(chainlinkNonces).values([
    { nonce: "a".repeat(32), seenAt: ago(2 * 3_600_000) },
    { nonce: "b".repeat(32), seenAt: ago(60_000) },
  ]);
  const call = { checkType: "verify_batch", tokenId: "1", status: 401, ip: "unknown" };
  const expired = ago((refusedCallRetentionDays + 1) * 86_400_000);
  await t.db.insert(chainlinkCalls).values([
    { ...call, outcome: "refused", reason: "old refusal", createdAt: expired },
    { ...call, outcome: "refused", reason: "recent refusal", createdAt: ago(86_400_000) },
    { ...call, outcome: "answered", status: 200, reason: "old answer", createdAt: expired },
  ]);
  const [batch] = await insertBatches(t.db, [makeBatch()]);
  await t.db.insert(traceScanClients).values([
    { batchId: batch.id, hour: ago(2 * 86_400_000), client: "old" },
    { batchId: batch.id, hour: ago(3_600_000), client: "recent" },
  ]);
  await t.db.insert(monitorSamples).values([
    { metric: "rpc_probe", value: "0", takenAt: ago(2 * 86_400_000) },
    { metric: "sync_drift", value: "3", takenAt: ago(60_000) },
  ]);
  expect(await pruneExpired(t.db)).toEqual({
    rate_limits: 1,
    siwe_nonces: 1,
    chainlink_nonces: 1,
    refused_chainlink_calls: 1,
    trace_scan_clients: 1,
    monitor_samples: 1,
  });
  expect((await t.db.select().from(monitorSamples)).map((m) => m.metric)).toEqual(["sync_drift"]);
  expect((await t.db.select().from(traceScanClients)).map((c) => c.client)).toEqual(["recent"]);
  const left = (
    await t.db.execute(
      sql`select (select string_agg(key, ',') from rate_limits) as r, (select string_agg(nonce, ',') from siwe_nonces) as s, (select string_agg(left(nonce, 1), ',') from chainlink_nonces) as c`,
    )
  ).rows[0];
  expect(left).toEqual({ r: "now", s: "fresh", c: "b" });
  expect(
    (await t.db.select({ reason: chainlinkCalls.reason }).from(chainlinkCalls).orderBy(chainlinkCalls.id)).map(
      (c) => c.reason,
    ),
  ).toEqual(["recent refusal", "old answer"]);
  expect(await pruneExpired(t.db)).toEqual({
    rate_limits: 0,
    siwe_nonces: 0,
    chainlink_nonces: 0,
    refused_chainlink_calls: 0,
    trace_scan_clients: 0,
    monitor_samples: 0,
  });
});
