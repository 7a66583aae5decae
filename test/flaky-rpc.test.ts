// The app behind the fault injector (test/helpers/flaky-rpc.ts): the system status, through the RPC
// client the app builds for it, calls a failing, rate-limiting or hung node down; and a full sync,
// through the app's own chain client, over an RPC that fails, hangs and rate-limits, leaves exactly
// the database a sync over a clean RPC leaves. (The indexer under the same faults: flaky-indexer.test.ts.)
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createChainClient } from "@/lib/chain/client";
import { createIndexer } from "@/lib/events/indexer";
import { runSync, type SyncConfig } from "@/lib/sync/run";
import { startSync } from "@/lib/sync/start";
import { createStatusClient, thresholds } from "@/lib/system/checks";
import { getSystemStatus } from "@/lib/system/status";
import { demoBatches } from "@/scripts/lib/demo-batches";
import { mintBatch } from "@/scripts/lib/mint";

import { deployTestToken, indexerConfig, type TestToken } from "./helpers/chain";
import { createTestDb, type TestDb } from "./helpers/db";
import { startFlakyRpc, type FlakyRpc, type FlakyRpcOptions } from "./helpers/flaky-rpc";
import { mirror } from "./helpers/mirror";

let [overFlaky, overClean]: TestDb[] = [];
let chain: TestToken;
const proxies: FlakyRpc[] = [];
let listenerKey: ReturnType<typeof createIndexer>["key"];
const listener = { chainId: 31337, address: "0x00000000000000000000000000000000000000aa" as const };

async function proxy(opts: Partial<FlakyRpcOptions>) {
  const p = await startFlakyRpc({
    upstream: chain.rpcUrl,
    seed: 7,
    failRate: 0,
    timeoutRate: 0,
    rateLimitRate: 0,
    ...opts,
  });
  proxies.push(p);
  return p;
}

beforeAll(async () => {
  [overFlaky, overClean] = await Promise.all([createTestDb(), createTestDb()]);
  chain = await deployTestToken();
  for (const b of demoBatches(8, new Date("2026-11-23T00:00:00Z"), 5)) await mintBatch(chain.target, chain.producer, b);
  for (const t of [overFlaky, overClean]) {
    const indexer = createIndexer(indexerConfig(t.db, chain, 1_000));
    await indexer.toHead();
    listenerKey = indexer.key;
    // Broken behind the app's back, the same way in both: quantities on and off chain, a price, a row gone.
    await t.db.transaction(async (tx) => {
      await tx.execute(sql`set local session_replication_role = replica`);
      await tx.execute(sql`update batches set onchain_quantity = onchain_quantity + 5000 where token_id in (2, 5)`);
      await tx.execute(sql`update batches set quantity_kg = quantity_kg + 12 where token_id = 3`);
      await tx.execute(sql`update batches set price_per_kg = 99.99 where token_id = 6`);
      await tx.execute(sql`delete from batches where token_id = 7`);
    });
  }
});
afterAll(async () => {
  await Promise.all(proxies.map((p) => p.stop()));
  await Promise.all([overFlaky.drop(), overClean.drop()]);
});

describe("the app behind a bad RPC", () => {
  const statusThrough = async (url: string) =>
    (
      await getSystemStatus({
        db: overClean.db,
        client: createStatusClient(url, 31337),
        chainId: 31337,
        listener,
        isFulfillerConfigured: false,
      })
    ).components.rpc;

  it("the status check calls an RPC down when every read fails, is rate limited or hangs, and ok through the same proxy without faults", async () => {
    for (const faults of [
      { failRate: 1 },
      { rateLimitRate: 1 },
      { timeoutRate: 1, hangMs: thresholds.rpcTimeoutMs * 4 },
    ]) {
      const p = await proxy(faults);
      const rpc = await statusThrough(p.url);
      expect(rpc, JSON.stringify(faults)).toMatchObject({ state: "down", details: { head_block: null } });
      expect(p.stats.failures + p.stats.rateLimited + p.stats.timeouts).toBeGreaterThan(0);
    }
    const healthy = await statusThrough((await proxy({})).url);
    expect(healthy.state).toBe((healthy.details.latency_ms as number) > thresholds.rpcSlowMs ? "degraded" : "ok");
  });

  it("a full sync over an RPC that fails, hangs and rate-limits leaves exactly what a sync over a clean RPC leaves", async () => {
    const p = await proxy({ seed: 2026, failRate: 0.2, timeoutRate: 0.05, rateLimitRate: 0.2, hangMs: 400 });
    // The app's own chain client (retries and all), given a timeout short enough for the hangs to reach it.
    const flakyClient = createChainClient(p.url, 31337);
    const configFor = (t: TestDb, client: typeof chain.client): SyncConfig => ({
      db: t.db,
      chain: { client, chainId: 31337, address: chain.address, multicall: chain.multicall },
      listener: listenerKey,
      pageSize: 3,
    });
    const queued = async (t: TestDb) => (await startSync(t.db, "manual", async () => null)).sync.id;
    const flakyRun = await runSync(configFor(overFlaky, flakyClient), await queued(overFlaky));
    const cleanRun = await runSync(configFor(overClean, chain.client), await queued(overClean));
    expect(p.stats.failures + p.stats.rateLimited + p.stats.timeouts, JSON.stringify(p.stats)).toBeGreaterThan(0);
    const counts = (r: typeof flakyRun) => ({
      status: r.status,
      checked: r.checked,
      updated: r.updated,
      imported: r.imported,
      flagged: r.flagged,
      failed: r.failed,
    });
    expect(counts(flakyRun)).toEqual(counts(cleanRun));
    expect(cleanRun).toMatchObject({ status: "succeeded", failed: 0, imported: 1 });
    expect(cleanRun.updated).toBeGreaterThanOrEqual(3);
    const alerts = async (t: TestDb) =>
      (
        await t.pool.query(
          "select b.token_id::text, a.type, a.severity, a.status, a.message from batch_alerts a join batches b on b.id = a.batch_id order by 1, 2, 5",
        )
      ).rows;
    const results = async (t: TestDb) =>
      (await t.pool.query("select token_id::text, field, action, offchain, onchain from sync_results order by 1, 2, 3"))
        .rows;
    expect(await mirror(overFlaky.db, { withAttempts: false })).toEqual(
      await mirror(overClean.db, { withAttempts: false }),
    );
    expect(await alerts(overFlaky)).toEqual(await alerts(overClean));
    expect(await results(overFlaky)).toEqual(await results(overClean));
  }, 120_000);
});
