// The sync service against real Postgres and anvil: the database broken behind the chain's back in
// every way (rows deleted, quantities and prices edited, events missed, metadata changed, mints
// that mined unseen, reverted or vanished), then one sync repairs or flags each, with the right
// alerts; a second finds nothing. An RPC that fails mid-run pauses the run, which then completes.
import { and, eq, sql } from "drizzle-orm";
import type { Hex } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Actor } from "@/lib/audit/record";
import { recordMintTransaction, saveDraft } from "@/lib/batches/drafts";
import { ZNewBatch } from "@/lib/batches/schemas";
import { batchTokenAbi } from "@/lib/chain/abi";
import { createChainClient, rpcRetries } from "@/lib/chain/client";
import { batchAlerts, batches, blockchainTransactions, syncHistory, syncResults } from "@/lib/db/schema";
import { createIndexer } from "@/lib/events/indexer";
import { listenerId, saveListener } from "@/lib/events/listener";
import { runSync, syncBatch, type SyncConfig } from "@/lib/sync/run";
import { startSync } from "@/lib/sync/start";
import { demoBatches } from "@/scripts/lib/demo-batches";
import { mintBatch } from "@/scripts/lib/mint";

import { deployTestToken, indexerConfig, type TestToken } from "./helpers/chain";
import { createTestDb, type TestDb } from "./helpers/db";
import { startOutageRpc } from "./helpers/outage-rpc";

const system: Actor = { kind: "system", id: "test" };
let t: TestDb;
let chain: TestToken;
let indexer: ReturnType<typeof createIndexer>;
let config: SyncConfig;
const list = demoBatches(10, new Date("2026-11-23T00:00:00Z"), 11);

const row = async (tokenId: number | string) =>
  (
    await t.db
      .select()
      .from(batches)
      .where(eq(batches.tokenId, String(tokenId)))
  )[0];
const send = async (hash: Promise<Hex>) => {
  const receipt = await chain.client.waitForTransactionReceipt({ hash: await hash });
  return receipt;
};
const token = { address: () => chain.address, abi: batchTokenAbi } as const;
/** The admin's call to the token, mined. */
const adminSends = (functionName: "markVerified" | "adjustInventory" | "updateMetadata", args: readonly unknown[]) =>
  send(
    chain.wallet(chain.admin).writeContract({
      address: chain.address,
      abi: batchTokenAbi,
      chain: chain.client.chain,
      functionName,
      args,
    } as never),
  );
/** Moves the listener's checkpoint to the head without reading: whatever happened meanwhile is never indexed. */
const skipToHead = async () =>
  saveListener(
    t.db,
    indexer.key,
    { lastBlock: await chain.client.getBlockNumber({ cacheTime: 0 }) },
    { lastBlock: 0n },
  );
/** As a superuser would, behind the app's back: no triggers, no foreign keys. */
const behindTheBack = (query: ReturnType<typeof sql>) =>
  t.db.transaction(async (tx) => {
    await tx.execute(sql`set local session_replication_role = replica`);
    await tx.execute(query);
  });
const queued = async () => (await startSync(t.db, "manual", async () => null)).sync.id;
/** Earlier tests' runs out of the way: a new run starts only when none is open. */
const settleEarlierRuns = () =>
  t.db
    .update(syncHistory)
    .set({ status: "succeeded" })
    .where(sql`status in ('queued', 'running', 'paused')`);

beforeAll(async () => {
  t = await createTestDb();
  chain = await deployTestToken();
  for (const b of list) await mintBatch(chain.target, chain.producer, b);
  indexer = createIndexer(indexerConfig(t.db, chain, 1_000));
  await indexer.toHead();
  const verify = await adminSends("markVerified", [5n]);
  expect(verify.status).toBe("success");
  await indexer.toHead();
  config = {
    db: t.db,
    chain: { client: chain.client, chainId: 31337, address: chain.address, multicall: chain.multicall },
    listener: indexer.key,
    pageSize: 4,
  };
});
afterAll(() => t.drop());

describe("one sync after the database was broken behind the chain's back", () => {
  const draftInput = (code: string) =>
    ZNewBatch.parse({
      batch_code: code,
      origin_country: "Peru",
      region: "Cajamarca",
      process: "washed",
      quantity_kg: "1200.000",
      price_per_kg: "7.10",
      production_date: "2026-04-01",
      expiry_date: "2027-04-01",
    });
  let mined: number;
  let reverted: number;
  let dropped: number;
  let adjusted: bigint;

  beforeAll(async () => {
    // 1. A row deleted. 2. An on-chain quantity edited. 3. An off-chain quantity edited. 4. A price edited.
    await behindTheBack(sql`delete from batches where token_id = 2`);
    await behindTheBack(sql`update batches set onchain_quantity = onchain_quantity + 5000 where token_id = 3`);
    await behindTheBack(sql`update batches set quantity_kg = quantity_kg + 12 where token_id = 4`);
    await behindTheBack(sql`update batches set price_per_kg = 99.99 where token_id = 6`);
    // 5. A missed event: BatchVerified of token 5 gone, and its effect with it.
    await behindTheBack(sql`delete from blockchain_events where token_id = 5 and name = 'BatchVerified'`);
    await behindTheBack(
      sql`update batches set status = 'active', verification_status = 'unverified' where token_id = 5`,
    );
    // 6. A farm renamed off chain, under the same metadata hash.
    await behindTheBack(sql`update batches set farm = 'Somewhere Else' where token_id = 7`);
    // 7. A row claiming a token the chain never made.
    await behindTheBack(
      sql`insert into batches (chain_id, token_id, batch_code, origin_country, production_date, expiry_date, quantity_kg) values (31337, 999, 'STRAY-0001', 'Peru', '2026-01-01', '2027-01-01', 100)`,
    );

    // 7. Events the RPC never returned: an adjustment of token 8, and a draft's mint that did mine.
    const eight = await chain.client.readContract({
      address: chain.address,
      abi: batchTokenAbi,
      functionName: "getBatch",
      args: [8n],
    });
    adjusted = eight.quantity + 5_000n;
    await adminSends("adjustInventory", [8n, adjusted, "recount"]);
    const draft = await saveDraft(t.db, 31337, draftInput("PER-CAJ-2026-0001"), system);
    const hash = await chain.wallet(chain.producer).writeContract({
      address: token.address(),
      abi: token.abi,
      chain: chain.client.chain,
      functionName: "createBatch",
      args: [chain.producer.address, ...draft.args],
    });
    await recordMintTransaction(t.db, draft.id, hash, system);
    await send(Promise.resolve(hash));
    mined = draft.id;
    await skipToHead();

    // 8. A mint that reverted (expiry before production), sent with a fixed gas so it is mined.
    const bad = await saveDraft(t.db, 31337, draftInput("PER-CAJ-2026-0002"), system);
    const badArgs = [...bad.args] as typeof bad.args;
    (badArgs as unknown as bigint[])[2] = (badArgs as unknown as bigint[])[1] - 1n;
    const revertHash = await chain.wallet(chain.producer).writeContract({
      address: token.address(),
      abi: token.abi,
      chain: chain.client.chain,
      functionName: "createBatch",
      args: [chain.producer.address, ...badArgs],
      gas: 500_000n,
    });
    expect((await send(Promise.resolve(revertHash))).status).toBe("reverted");
    await recordMintTransaction(t.db, bad.id, revertHash, system);
    reverted = bad.id;
    await skipToHead();

    // 9. A mint transaction the node never saw, recorded twenty minutes ago.
    const lost = await saveDraft(t.db, 31337, draftInput("PER-CAJ-2026-0003"), system);
    await recordMintTransaction(t.db, lost.id, `0x${"ab".repeat(32)}`, system);
    await t.db
      .update(blockchainTransactions)
      .set({ createdAt: new Date(Date.now() - 20 * 60_000) })
      .where(eq(blockchainTransactions.batchId, lost.id));
    dropped = lost.id;
  }, 60_000);

  it("repairs what the chain owns, imports what is missing, flags what the chain contradicts", async () => {
    const run = await runSync(config, await queued());
    expect(run).toMatchObject({ status: "succeeded", total: 12, checked: 12, imported: 2, failed: 0 });
    expect(run.updated).toBe(4); // tokens 3, 5, 6, 8
    expect(run.flagged).toBe(3); // tokens 4, 7 and the stray 999
    const onchain = await chain.client.readContract({
      address: chain.address,
      abi: batchTokenAbi,
      functionName: "getBatches",
      args: [[2n, 3n, 8n]],
    });

    expect(await row(2)).toMatchObject({
      onchainQuantity: onchain[0].quantity.toString(),
      batchCode: list[1].metadata.batch_code,
      syncStatus: "synced",
    });
    expect(await row(3)).toMatchObject({ onchainQuantity: onchain[1].quantity.toString(), syncStatus: "synced" });
    expect(await row(5)).toMatchObject({ status: "verified", verificationStatus: "verified" });
    expect((await row(6)).pricePerKg).toBe(list[5].pricePerKg);
    expect(await row(8)).toMatchObject({
      onchainQuantity: adjusted.toString(),
      quantityKg: (Number(adjusted) / 1000).toFixed(3),
    });
    const minted = (await t.db.select().from(batches).where(eq(batches.id, mined)))[0];
    expect(minted).toMatchObject({ tokenId: "11", status: "active" });

    // The off-chain record the chain contradicts stays as it is, flagged.
    expect(await row(4)).toMatchObject({
      quantityKg: (Number(list[3].quantityKg) + 12).toFixed(3),
      syncStatus: "out_of_sync",
    });
    expect((await row(7)).farm).toBe("Somewhere Else");
    const alerts = await t.db
      .select({ batchId: batchAlerts.batchId, type: batchAlerts.type })
      .from(batchAlerts)
      .where(eq(batchAlerts.status, "open"));
    expect(alerts).toEqual(
      expect.arrayContaining([
        { batchId: (await row(4)).id, type: "quantity_discrepancy" },
        { batchId: (await row(7)).id, type: "metadata_mismatch" },
      ]),
    );
    expect(alerts.filter((a) => a.type === "quantity_discrepancy" || a.type === "metadata_mismatch")).toHaveLength(2);
    expect(await row(999)).toMatchObject({
      syncStatus: "out_of_sync",
      syncError: expect.stringMatching(/does not exist on chain/),
    });
    expect(alerts).toContainEqual({ batchId: (await row(999)).id, type: "sync_error" });

    // Each difference is on the run's record.
    const results = await t.db.select().from(syncResults).where(eq(syncResults.syncId, run.id));
    const seen = results.map((r) => `${r.tokenId}:${r.field}:${r.action}`);
    expect(seen).toEqual(
      expect.arrayContaining([
        "2:batch:imported",
        "3:onchain_quantity:updated",
        "4:quantity_kg:flagged",
        "5:status:updated",
        "5:verification_status:updated",
        "6:price_per_kg:updated",
        "7:farm:flagged",
        "8:onchain_quantity:updated",
        "8:quantity_kg:updated",
        "11:batch:imported",
        "999:token_id:flagged",
      ]),
    );

    // The mints: mined and filled, reverted and dropped back to drafts with the reason.
    const txs = await t.db
      .select({
        batchId: blockchainTransactions.batchId,
        status: blockchainTransactions.status,
        gasUsed: blockchainTransactions.gasUsed,
      })
      .from(blockchainTransactions);
    expect(txs.find((x) => x.batchId === mined)).toMatchObject({ status: "mined" });
    expect(Number(txs.find((x) => x.batchId === mined)!.gasUsed)).toBeGreaterThan(100_000);
    expect(txs.find((x) => x.batchId === reverted)).toMatchObject({ status: "reverted" });
    expect(txs.find((x) => x.batchId === dropped)).toMatchObject({ status: "dropped" });
    const drafts = await t.db
      .select({ id: batches.id, status: batches.status, syncError: batches.syncError })
      .from(batches)
      .where(sql`${batches.id} in (${reverted}, ${dropped})`)
      .orderBy(batches.id);
    expect(drafts).toEqual([
      { id: reverted, status: "draft", syncError: expect.stringMatching(/reverted/) },
      { id: dropped, status: "draft", syncError: expect.stringMatching(/dropped/) },
    ]);
  });

  it("finds nothing more the second time, and raises no alert twice", async () => {
    const openBefore = await t.db.$count(batchAlerts, eq(batchAlerts.status, "open"));
    const run = await runSync(config, await queued());
    expect(run).toMatchObject({ status: "succeeded", updated: 0, imported: 0, failed: 0 });
    expect(await t.db.$count(batchAlerts, eq(batchAlerts.status, "open"))).toBe(openBefore);
  });
});

describe("a batch whose sync fails", () => {
  it("waits with backoff, then after five failures is marked error with the reason and an alert", async () => {
    // Metadata the chain points at that cannot be read: every attempt to follow it fails.
    await adminSends("updateMetadata", [9n, `0x${"12".repeat(32)}`, "ipfs://nowhere"]);
    await skipToHead();
    const target = await row(9);
    for (let attempt = 1; attempt <= 5; attempt++) {
      const run = await runSync(config, await queued());
      expect(run.failed, `attempt ${attempt}`).toBe(1);
      const now = await row(9);
      expect(now.syncAttempts).toBe(attempt);
      if (attempt < 5) {
        expect(now).toMatchObject({ syncStatus: "out_of_sync" });
        expect(now.nextSyncAt!.getTime()).toBeGreaterThan(Date.now());
        // The next run skips it until the backoff is over.
        expect((await runSync(config, await queued())).failed).toBe(0);
        await t.db
          .update(batches)
          .set({ nextSyncAt: new Date(Date.now() - 1) })
          .where(eq(batches.id, target.id));
      }
    }
    expect(await row(9)).toMatchObject({ syncStatus: "error", syncError: expect.stringMatching(/ipfs/) });
    const [alert] = await t.db
      .select()
      .from(batchAlerts)
      .where(and(eq(batchAlerts.batchId, target.id), eq(batchAlerts.type, "sync_error")));
    expect(alert).toMatchObject({ status: "open", severity: "high" });
    // Given up: scheduled runs leave it for a person.
    expect((await runSync(config, await queued())).failed).toBe(0);
  });
});

describe("syncing one batch from its page", () => {
  it("repairs it at once, whatever its backoff", async () => {
    await behindTheBack(sql`update batches set onchain_quantity = 1 where token_id = 10`);
    const syncId = await syncBatch(config, (await row(10)).id);
    const [run] = await t.db.select().from(syncHistory).where(eq(syncHistory.id, syncId!));
    expect(run).toMatchObject({ trigger: "batch", status: "succeeded", updated: 1, batchId: (await row(10)).id });
    expect((await row(10)).onchainQuantity).not.toBe("1");
  });
});

describe("starting a sync", () => {
  it("returns the running one instead of a second", async () => {
    let enqueued = 0;
    const first = await startSync(t.db, "manual", async () => `job-${++enqueued}`);
    const second = await startSync(t.db, "cron", async () => `job-${++enqueued}`);
    expect(first.isNew).toBe(true);
    expect(second).toMatchObject({ isNew: false, sync: { id: first.sync.id, jobId: "job-1" } });
    expect(enqueued).toBe(1);
    await runSync(config, first.sync.id);
    expect((await startSync(t.db, "manual", async () => `job-${++enqueued}`)).isNew).toBe(true);
  });
});

describe("an RPC that fails mid-run", () => {
  it("pauses the run, which completes once the RPC is back, with nothing marked wrongly", async () => {
    await settleEarlierRuns();
    await behindTheBack(sql`update batches set onchain_quantity = 2 where token_id = 1`);
    const before = await t.db
      .select({ id: batches.id, syncStatus: batches.syncStatus, syncAttempts: batches.syncAttempts })
      .from(batches)
      .orderBy(batches.id);
    const proxy = await startOutageRpc(chain.rpcUrl);
    try {
      const client = createChainClient(proxy.url, 31337);
      const paused: string[] = [];
      // Down after the first page's read, for two seconds: the second page waits it out.
      proxy.downAfterCalls(2, 2_000);
      const syncId = await queued();
      const watcher = setInterval(async () => {
        const [r] = await t.db
          .select({ status: syncHistory.status })
          .from(syncHistory)
          .where(eq(syncHistory.id, syncId));
        if (r) paused.push(r.status);
      }, 100);
      const run = await runSync({ ...config, chain: { ...config.chain, client } }, syncId);
      clearInterval(watcher);
      expect(proxy.refused).toBeGreaterThan(0);
      expect(paused).toContain("paused");
      expect(run).toMatchObject({ status: "succeeded", total: 12, checked: 12, failed: 0, updated: 1 });
      expect((await row(1)).onchainQuantity).not.toBe("2");
      const after = await t.db
        .select({ id: batches.id, syncStatus: batches.syncStatus, syncAttempts: batches.syncAttempts })
        .from(batches)
        .orderBy(batches.id);
      expect(after).toEqual(before);
    } finally {
      await proxy.stop();
    }
  });
});

describe("an RPC that refuses", () => {
  it("fails the run at once with the refusal, rather than waiting it out as an outage", async () => {
    await settleEarlierRuns();
    const syncId = await queued();
    // No contract at this address: every read answers "no data", and asking again will not change that.
    const nowhere = { ...config.chain, address: "0x000000000000000000000000000000000000dEaD" as const };
    await expect(runSync({ ...config, chain: nowhere, outageMs: 600_000 }, syncId)).rejects.toThrow(/returned no data/);
    const [run] = await t.db.select().from(syncHistory).where(eq(syncHistory.id, syncId));
    expect(run.status).toBe("failed");
    expect(run.error).toMatch(/returned no data/);
  });
});

describe("an RPC outage while the listener keeps moving", () => {
  it("never holds the listener's lock while it waits, so indexing goes on; the run completes", async () => {
    await settleEarlierRuns();
    const proxy = await startOutageRpc(chain.rpcUrl);
    /** Whether a sync holds the listener's lock right now (another connection cannot take it). */
    const lockHeld = async () =>
      t.db.transaction(async (tx) => {
        const { rows } = await tx.execute<{ got: boolean }>(
          sql`select pg_try_advisory_xact_lock(hashtextextended(${listenerId(indexer.key)}, 0)) as got`,
        );
        return !rows[0].got;
      });
    let outage: "before" | "during" | "after" = "before";
    let refusedUnderLock = 0;
    try {
      // Each read sees the listener move on (a block mined and indexed), until the one read under the
      // lock: the RPC goes down right then, for two seconds.
      proxy.inspect(async (body, down) => {
        if (outage === "during") {
          if (await lockHeld()) refusedUnderLock++;
          return;
        }
        if (outage === "after" || !body.includes('"eth_call"')) return;
        if (await lockHeld()) {
          outage = "during";
          refusedUnderLock++;
          down(2_000);
          setTimeout(() => (outage = "after"), 2_000);
          return;
        }
        await chain.client.request({ method: "evm_mine" as never });
        await skipToHead();
      });
      const client = createChainClient(proxy.url, 31337);
      const run = await runSync({ ...config, chain: { ...config.chain, client }, pageSize: 100 }, await queued());
      expect(outage).toBe("after");
      expect(proxy.refused).toBeGreaterThan(1);
      // Only the read that found the node down (with the client's own retries) was made under the lock;
      // the waiting was done without it.
      expect(refusedUnderLock).toBe(1 + rpcRetries);
      expect(run).toMatchObject({ status: "succeeded", failed: 0 });
    } finally {
      proxy.inspect(null);
      await proxy.stop();
    }
  });
});
