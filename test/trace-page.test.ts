// The public trace page's data as the page loads it: proofs checked against each anchor's kept root
// (a second view makes no RPC call), the client believed only as far as TRUSTED_PROXY (here none)
// says, and views rate limited per client.
import { and, eq, sql } from "drizzle-orm";
import { createWalletClient, http } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { recordAudit } from "@/lib/audit/record";
import { auditAnchors, batchAlerts, rateLimits, traceScanClients, traceScans } from "@/lib/db/schema";
import { anchorPending } from "@/lib/provenance/anchor";
import { loadTrace, traceViewsPerMinute } from "@/lib/provenance/page-data";

import { deployTestToken } from "./helpers/chain";
import { createTestDb, withoutTriggers, type TestDb } from "./helpers/db";
import { insertBatches, makeBatch } from "./helpers/factories";
import { startFlakyRpc, type FlakyRpc } from "./helpers/flaky-rpc";

let t: TestDb;
let rpc: FlakyRpc;
let batch: { id: number; batchCode: string };
const none = new Headers();

async function view(headers: Headers = none) {
  const data = await loadTrace(batch.batchCode, headers);
  if (!data || data.isLimited) throw new Error("expected the trace");
  return data;
}

beforeAll(async () => {
  t = await createTestDb();
  const c = await deployTestToken();
  // A pass-through proxy in front of anvil, counting every RPC request the app makes.
  rpc = await startFlakyRpc({ upstream: c.rpcUrl, seed: 1, failRate: 0, timeoutRate: 0, rateLimitRate: 0 });
  Object.assign(process.env, {
    DATABASE_URL: t.url,
    RPC_URL: rpc.url,
    CHAIN_ID: "31337",
    BATCH_TOKEN_ADDRESS: c.address,
    AUDIT_ANCHOR_ADDRESS: c.anchorAddress,
    AUTH_SECRET: "x".repeat(32),
    TRUSTED_PROXY: "none",
  });
  [batch] = await insertBatches(t.db, [makeBatch()]);
  const step = (action: string) => ({
    entity: "batch",
    entityId: batch.id,
    batchId: batch.id,
    action,
    actor: { kind: "system" as const, id: "test" },
  });
  await recordAudit(
    t.db,
    step("chain.BatchCreated"),
    { ...step("batch.note"), batchId: null },
    step("chain.BatchVerified"),
  );
  await recordAudit(t.db, step("quality_check.recorded"));
  const wallet = createWalletClient({ account: c.admin, chain: c.client.chain!, transport: http(c.rpcUrl) });
  expect((await anchorPending(t.db, { client: c.client, wallet, chainId: 31337, address: c.anchorAddress })).kind).toBe(
    "anchored",
  );
});
afterAll(async () => {
  await rpc?.stop();
  await t?.drop();
});

describe("the trace page's proofs", () => {
  it("keep each anchor's root from the chain when it is confirmed", async () => {
    const [anchor] = await t.db.select().from(auditAnchors);
    expect(anchor.chainRoot).toBe(anchor.root);
  });

  it("are checked with no RPC call: the first view of an anchor not yet kept reads its root once, the second view none", async () => {
    await t.db.update(auditAnchors).set({ chainRoot: null });
    const before = rpc.stats.calls;
    const first = await view();
    expect(first.timeline.map((s) => s.verdict.status)).toEqual(["verified", "verified", "verified"]);
    expect(rpc.stats.calls - before).toBeGreaterThan(0);
    const [kept] = await t.db.select().from(auditAnchors);
    expect(kept.chainRoot).toBe(kept.root);
    const between = rpc.stats.calls;
    const second = await view();
    expect(rpc.stats.calls - between).toBe(0);
    expect(second.timeline.map((s) => s.verdict)).toEqual(first.timeline.map((s) => s.verdict));
  });

  it("still catch a record whose hash was changed, without asking the chain", async () => {
    await withoutTriggers(t, "update audit_records set hash = repeat('0', 64) where action = 'chain.BatchVerified'");
    const before = rpc.stats.calls;
    const data = await view();
    expect(rpc.stats.calls - before).toBe(0);
    // The changed record's path no longer leads to the anchored root; the records beside it, untouched,
    // still prove with the paths kept when their range was anchored.
    expect(data.timeline.map((s) => s.verdict.status)).toEqual(["verified", "mismatch", "verified"]);
    expect(data.timeline[1].verdict.message).toMatch(/^Record \d+ was changed/);
  });
});

describe("the trace page's visitors, with no trusted proxy", () => {
  it("count as unknown whatever geo and forwarding headers they send, so forging them raises no alert, and are limited per minute", async () => {
    await t.db.delete(rateLimits);
    await t.db.delete(traceScans);
    let shown = 0;
    let limited = null as null | number;
    for (let i = 0; i < 2 * traceViewsPerMinute + 1 && limited === null; i++) {
      const country = i % 2 ? "CO" : "DE";
      const headers = new Headers({
        "x-forwarded-for": `198.51.100.${i + 1}`,
        "x-real-ip": `203.0.113.${i + 1}`,
        "x-vercel-ip-country": country,
        "cf-ipcountry": country,
        "x-vercel-forwarded-for": `192.0.2.${i + 1}`,
      });
      const data = await loadTrace(batch.batchCode, headers);
      if (data?.isLimited) limited = data.retryAfterSeconds;
      else shown++;
    }
    expect(limited).toBeGreaterThan(0);
    expect(shown).toBeGreaterThanOrEqual(traceViewsPerMinute);
    const places = await t.db.select().from(traceScans).where(eq(traceScans.batchId, batch.id));
    expect(places.map((p) => [p.place, p.views])).toEqual([["unknown", shown]]);
    expect(await t.db.select().from(traceScanClients)).toEqual([]);
    expect(
      await t.db
        .select()
        .from(batchAlerts)
        .where(and(eq(batchAlerts.batchId, batch.id), eq(batchAlerts.type, "cloned_label"))),
    ).toEqual([]);
    const [row] = (await t.db.execute<{ key: string }>(sql`select key from rate_limits where key like 'trace:%'`)).rows;
    expect(row.key).toBe("trace:unknown");
  });
});
