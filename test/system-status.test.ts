// GET /api/system/status's checks, against the real Postgres and anvil, an RPC that refuses and
// one that never answers, through the RPC client the app itself builds for them (createStatusClient,
// which getStatusDeps uses), and once through getStatusDeps itself, as the route calls it.
import net from "node:net";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { createStatusClient, judgeFulfiller, judgeListener, thresholds } from "@/lib/system/checks";
import { beat, heartbeatNames, readHeartbeats } from "@/lib/system/heartbeat";
import { getStatusDeps } from "@/lib/system/server";
import { recordStates } from "@/lib/system/states";
import { getSystemStatus, type StatusDeps } from "@/lib/system/status";

import { createTestDb, type TestDb } from "./helpers/db";

let t: TestDb;
let silent: net.Server;
const sockets: net.Socket[] = [];
const statusClient = (url: string) => createStatusClient(url, 31337);
const listener = { chainId: 31337, address: "0x00000000000000000000000000000000000000aa" as const };

beforeAll(async () => {
  t = await createTestDb();
  // Accepts connections and never answers, like a stopped (SIGSTOP) node.
  silent = net.createServer((s) => void sockets.push(s));
  await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
  // The app's configuration, read once by getEnv: its RPC is the node that never answers.
  Object.assign(process.env, {
    DATABASE_URL: t.url,
    RPC_URL: silentUrl(),
    CHAIN_ID: "31337",
    BATCH_TOKEN_ADDRESS: listener.address,
    AUTH_SECRET: "status-test-secret-status-test-secret",
  });
});
afterAll(async () => {
  sockets.forEach((s) => s.destroy());
  silent.close();
  await t.drop();
});

const deps = (url: string, over: Partial<StatusDeps> = {}): StatusDeps => ({
  db: t.db,
  client: statusClient(url),
  chainId: 31337,
  listener,
  isFulfillerConfigured: true,
  ...over,
});
const silentUrl = () => `http://127.0.0.1:${(silent.address() as net.AddressInfo).port}`;

describe("system status", () => {
  it("reports the RPC ok with its chain id, head block and latency", async () => {
    const s = await getSystemStatus(deps(inject("rpcUrl")));
    expect(s.components.rpc).toMatchObject({ label: "RPC", details: { chain_id: 31337, expected_chain_id: 31337 } });
    expect(BigInt(s.components.rpc.details.head_block as string)).toBeGreaterThanOrEqual(0n);
    // ok, or degraded when this busy machine made the answer slower than the threshold: judged by the latency it measured.
    const latency = s.components.rpc.details.latency_ms as number;
    expect(s.components.rpc.state).toBe(latency > thresholds.rpcSlowMs ? "degraded" : "ok");
    expect(s.components.database).toMatchObject({ state: "ok", details: { latency_ms: expect.any(Number) } });
  });

  it("calls an RPC serving another chain down", async () => {
    const s = await getSystemStatus(deps(inject("rpcUrl"), { chainId: 1 }));
    expect(s.components.rpc.state).toBe("down");
    expect(s.components.rpc.message).toMatch(/chain 31337, not chain 1/);
    expect(s.status).toBe("down");
  });

  it("calls a refusing RPC down at once and a silent one down within its timeout", async () => {
    const refused = await getSystemStatus(deps("http://127.0.0.1:9"));
    expect(refused.components.rpc.state).toBe("down");
    const started = Date.now();
    const hung = await getSystemStatus(deps(silentUrl()));
    const took = Date.now() - started;
    expect(hung.components.rpc).toMatchObject({ state: "down", details: { head_block: null } });
    expect(took).toBeGreaterThanOrEqual(thresholds.rpcTimeoutMs - 100);
    expect(took).toBeLessThan(thresholds.rpcTimeoutMs + 2_000);
  });

  it("the app's own status dependencies (getStatusDeps, as the route uses them) call a silent node down within the status timeout", async () => {
    const started = Date.now();
    const s = await getSystemStatus(getStatusDeps());
    const took = Date.now() - started;
    expect(s.components.rpc).toMatchObject({ state: "down", details: { head_block: null, expected_chain_id: 31337 } });
    expect(s.components.rpc.message).toMatch(/took too long|timed out|timeout/i);
    expect(took).toBeLessThan(thresholds.rpcTimeoutMs + 2_000);
    expect(s.components.database.state).toBe("ok");
  });

  it("keeps `since` while a state holds and moves it when the state changes", async () => {
    const first = await recordStates(t.db, { probe: "ok" }, new Date());
    await new Promise((r) => setTimeout(r, 20));
    const again = await recordStates(t.db, { probe: "ok" });
    expect(again.probe.getTime()).toBe(first.probe.getTime());
    const changed = await recordStates(t.db, { probe: "down" });
    expect(changed.probe.getTime()).toBeGreaterThan(first.probe.getTime());
    const s1 = await getSystemStatus(deps("http://127.0.0.1:9"));
    const s2 = await getSystemStatus(deps("http://127.0.0.1:9"));
    expect(s2.components.rpc.since).toBe(s1.components.rpc.since);
    const s3 = await getSystemStatus(deps(inject("rpcUrl")));
    expect(s3.components.rpc.state).toBe("ok");
    expect(Date.parse(s3.components.rpc.since)).toBeGreaterThan(Date.parse(s2.components.rpc.since));
  });

  it("judges the listener by its heartbeat, pause and lag", async () => {
    const now = new Date();
    const facts = { isActive: true, lastBlock: 100n, storedHead: 100n, lastError: null };
    const fresh = { name: "listener", beat_at: now, ok_at: now, error: null, error_at: null };
    expect(judgeListener(facts, fresh, 105n, now)).toMatchObject({ state: "ok", details: { lag_blocks: "5" } });
    expect(judgeListener(facts, fresh, 100n + BigInt(thresholds.listenerLagBlocks) + 1n, now).state).toBe("degraded");
    expect(judgeListener({ ...facts, isActive: false }, fresh, 100n, now).message).toBe("Paused by an operator");
    expect(judgeListener(facts, { ...fresh, error: "boom" }, 100n, now)).toMatchObject({
      state: "degraded",
      message: "The last round failed: boom",
    });
    const old = new Date(now.getTime() - (thresholds.listenerSilentSeconds + 5) * 1000);
    expect(judgeListener(facts, { ...fresh, beat_at: old }, 100n, now).state).toBe("down");
    expect(judgeListener(facts, undefined, 100n, now).state).toBe("down");
    // Without the chain, the lag comes from the head the worker last saw.
    expect(judgeListener({ ...facts, storedHead: 130n }, fresh, null, now).details.lag_blocks).toBe("30");
  });

  it("judges the Chainlink fulfiller: not configured, silent, failing, answering", async () => {
    const now = new Date();
    expect(judgeFulfiller(false, undefined, now).state).toBe("not_configured");
    expect(judgeFulfiller(true, undefined, now).state).toBe("down");
    await beat(t.db, heartbeatNames.fulfiller, "RPC timed out\nstack");
    let hb = (await readHeartbeats(t.db)).get(heartbeatNames.fulfiller);
    expect(judgeFulfiller(true, hb, new Date())).toMatchObject({
      state: "degraded",
      message: "The last step failed: RPC timed out",
    });
    // A recovery is written at once, whatever the throttle.
    await beat(t.db, heartbeatNames.fulfiller);
    hb = (await readHeartbeats(t.db)).get(heartbeatNames.fulfiller);
    expect(judgeFulfiller(true, hb, new Date()).state).toBe("ok");
    expect(hb?.error_at).not.toBeNull();
    const s = await getSystemStatus(deps(inject("rpcUrl"), { isFulfillerConfigured: false }));
    expect(s.components.chainlink_fulfiller.state).toBe("not_configured");
  });

  it("reads the job queue's depth from pg-boss's tables, and says so when they are missing", async () => {
    const s = await getSystemStatus(deps(inject("rpcUrl")));
    // The test database has no pgboss schema: the queue cannot be read.
    expect(s.components.job_queue.state).toBe("down");
    await t.pool
      .query(`create schema pgboss; create type pgboss.job_state as enum ('created', 'retry', 'active', 'completed', 'cancelled', 'failed');
      create table pgboss.job (name text, state pgboss.job_state, start_after timestamptz default now(), created_on timestamptz default now(), completed_on timestamptz)`);
    await t.pool.query(
      "insert into pgboss.job (name, state) values ('sync', 'created'), ('sync', 'active'), ('fold-counts', 'created'), ('prune', 'completed')",
    );
    const q = (await getSystemStatus(deps(inject("rpcUrl")))).components.job_queue;
    expect(q).toMatchObject({
      state: "ok",
      message: "2 queued, 1 running",
      details: { queued: 2, active: 1, failed_last_hour: 0 },
    });
    await t.pool.query(
      "insert into pgboss.job (name, state, start_after, completed_on) values ('sync', 'created', now() - interval '10 minutes', null), ('prune', 'failed', now(), now())",
    );
    const late = (await getSystemStatus(deps(inject("rpcUrl")))).components.job_queue;
    expect(late.state).toBe("degraded");
    expect(late.message).toMatch(/has waited \d+ s for a worker/);
  });
});
