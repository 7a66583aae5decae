import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { encodeMetadata } from "@/lib/batches/metadata";
import { batchTokenAbi } from "@/lib/chain/abi";
import { gramsToKg, kgToGrams, unixToDate } from "@/lib/chain/units";
import { batches, blockchainEvents, listenerState } from "@/lib/db/schema";
import { getCheckpoint, indexToHead, type IndexerConfig } from "@/lib/events/indexer";
import { demoBatches } from "@/scripts/lib/demo-batches";
import { mintBatch } from "@/scripts/lib/mint";

import { indexerConfig, type TestToken } from "./helpers/chain";
import type { TestDb } from "./helpers/db";
import { startWithBatches } from "./helpers/db-and-token";

let t: TestDb;
let chain: TestToken;
let config: IndexerConfig;
const list = demoBatches(24, new Date("2026-11-23T00:00:00Z"), 7);

beforeAll(async () => {
  ({ t, chain } = await startWithBatches(list));
  config = indexerConfig(t.db, chain, 7);
});
afterAll(() => t.drop());

async function snapshot() {
  const rows = await t.db.select().from(batches).orderBy(batches.tokenId);
  const events = await t.db
    .select()
    .from(blockchainEvents)
    .orderBy(blockchainEvents.blockNumber, blockchainEvents.logIndex);
  const strip = <T extends object>(r: T) =>
    Object.fromEntries(
      Object.entries(r).filter(([k]) => !["createdAt", "updatedAt", "lastSyncedAt", "processedAt", "id"].includes(k)),
    );
  return { rows: rows.map(strip), events: events.map(strip) };
}

describe("indexer", () => {
  it("dates each event, and each minted batch, by its block's time", async () => {
    await indexToHead(config);
    const events = await t.db.select().from(blockchainEvents).where(eq(blockchainEvents.chainId, 31337));
    const created = events.filter(
      (e) => e.name === "BatchCreated" && e.contractAddress === chain.address.toLowerCase(),
    );
    expect(created).toHaveLength(list.length);
    for (const e of created.slice(0, 5)) {
      const block = await chain.client.getBlock({ blockNumber: e.blockNumber });
      expect(e.blockTime.getTime()).toBe(Number(block.timestamp) * 1000);
      const [row] = await t.db.select().from(batches).where(eq(batches.tokenId, e.tokenId!));
      expect(row.createdAt.getTime()).toBe(Number(block.timestamp) * 1000);
    }
  });

  it("mirrors every batch with the chain's quantity, dates, price and state", async () => {
    await indexToHead(config);
    const onChain = await chain.client.readContract({
      address: chain.address,
      abi: batchTokenAbi,
      functionName: "getBatches",
      args: [list.map((_, i) => BigInt(i + 1))],
    });
    const rows = await t.db
      .select()
      .from(batches)
      .orderBy(sql`${batches.tokenId}::int`);
    expect(rows).toHaveLength(list.length);
    const stateName = ["none", "created", "active", "verified", "expired", "redeemed"];
    rows.forEach((row, i) => {
      expect(row.batchCode).toBe(list[i].metadata.batch_code);
      expect(row.quantityKg).toBe(gramsToKg(onChain[i].quantity));
      expect(row.onchainQuantity).toBe(onChain[i].quantity.toString());
      expect(row.expiryDate).toBe(unixToDate(onChain[i].expiryDate));
      expect(row.status).toBe(stateName[onChain[i].status]);
      expect(row.status).toBe(list[i].state);
      expect(row.ownerAddress).toBe(chain.producer.address.toLowerCase());
    });
  });

  it("stores every event once, processed, with the checkpoint at the head", async () => {
    const events = await t.db.select().from(blockchainEvents);
    expect(events.every((e) => e.status === "processed")).toBe(true);
    expect(events.filter((e) => e.name === "BatchCreated")).toHaveLength(list.length);
    expect(await getCheckpoint(config)).toBe(await chain.client.getBlockNumber());
  });

  it("changes nothing when the same blocks are indexed again", async () => {
    const before = await snapshot();
    await indexToHead(config);
    await t.db.update(listenerState).set({ lastBlock: chain.deployBlock - 1n });
    await indexToHead(config);
    expect(await snapshot()).toEqual(before);
  });

  it("picks up a batch minted later, without a restart", async () => {
    const { tokenId } = await mintBatch(chain.target, chain.producer, {
      ...list[0],
      metadata: { ...list[0].metadata, batch_code: "LATE-BATCH-0001" },
    });
    await indexToHead(config);
    const [row] = await t.db.select().from(batches).where(eq(batches.batchCode, "LATE-BATCH-0001"));
    expect(row.tokenId).toBe(tokenId.toString());
    expect(row.quantityKg).toBe(list[0].quantityKg);
  });

  it("records an event whose handler fails and moves past it", async () => {
    const good = encodeMetadata({ ...list[1].metadata, batch_code: "GOOD-AFTER-BAD" });
    const bad = encodeMetadata({ ...list[1].metadata, batch_code: "BAD-HASH-0001" });
    const write = (hash: `0x${string}`, uri: string) =>
      chain.wallet(chain.producer).writeContract({
        address: chain.address,
        abi: batchTokenAbi,
        chain: chain.client.chain,
        functionName: "createBatch",
        args: [chain.producer.address, kgToGrams("10"), 1_700_000_000n, 1_800_000_000n, 500n, hash, uri],
      });
    await chain.client.waitForTransactionReceipt({ hash: await write(good.hash, bad.uri) });
    await chain.client.waitForTransactionReceipt({ hash: await write(good.hash, good.uri) });
    await indexToHead(config);

    const failed = await t.db.select().from(blockchainEvents).where(eq(blockchainEvents.status, "failed"));
    expect(failed).toHaveLength(1);
    expect(failed[0].error).toMatch(/metadata hash mismatch/);
    const codes = (await t.db.select({ code: batches.batchCode }).from(batches)).map((r) => r.code);
    expect(codes).toContain("GOOD-AFTER-BAD");
    expect(codes).not.toContain("BAD-HASH-0001");
  });
});
