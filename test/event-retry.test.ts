import { and, eq, inArray, or } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { ApiError } from "@/lib/api/errors";
import { encodeMetadata } from "@/lib/batches/metadata";
import { batchTokenAbi } from "@/lib/chain/abi";
import { auditRecords, batches, blockchainEvents } from "@/lib/db/schema";
import { maxAutomaticAttempts, nextAttemptAt } from "@/lib/events/apply";
import { indexToHead, type IndexerConfig } from "@/lib/events/indexer";
import { processEvent, processFailed } from "@/lib/events/replay";
import { demoBatches } from "@/scripts/lib/demo-batches";
import { mintBatch } from "@/scripts/lib/mint";

import { deployTestToken, indexerConfig, type TestToken } from "./helpers/chain";
import { createTestDb, type TestDb } from "./helpers/db";

let t: TestDb;
let chain: TestToken;
let config: IndexerConfig;
const [first, second] = demoBatches(2, new Date("2026-11-23T00:00:00Z"), 3);
const key = () => ({ chainId: 31337, address: chain.address });
let duplicateTokenId: bigint;

beforeAll(async () => {
  t = await createTestDb();
  chain = await deployTestToken();
  config = indexerConfig(t.db, chain, 100);
  // Two tokens claim one batch code: the second cannot be mirrored until someone renames the first.
  await mintBatch(chain.target, chain.producer, { ...first, metadata: { ...first.metadata, batch_code: "TWICE-1" } });
  ({ tokenId: duplicateTokenId } = await mintBatch(chain.target, chain.producer, {
    ...second,
    metadata: { ...second.metadata, batch_code: "TWICE-1" },
  }));
  await indexToHead(config);
});
afterAll(() => t.drop());

const createdEvent = async () => {
  const [e] = await t.db
    .select()
    .from(blockchainEvents)
    .where(and(eq(blockchainEvents.tokenId, duplicateTokenId.toString()), eq(blockchainEvents.name, "BatchCreated")));
  return e;
};

describe("failed events", () => {
  it("are marked failed with the error and a next attempt, and the batch's later events still run", async () => {
    const e = await createdEvent();
    expect(e).toMatchObject({ status: "failed", attempts: 1 });
    expect(e.error).toMatch(/batches_batch_code_key|duplicate key/);
    expect(e.nextAttemptAt!.getTime()).toBeGreaterThan(Date.now());
    const minted = await t.db
      .select()
      .from(blockchainEvents)
      .where(and(eq(blockchainEvents.tokenId, duplicateTokenId.toString()), eq(blockchainEvents.name, "BatchMinted")));
    expect(minted[0].status).toBe("processed");
  });

  it("are not retried before their backoff is over", async () => {
    expect(await processFailed(t.db, key())).toMatchObject({ events: 0 });
    expect((await createdEvent()).attempts).toBe(1);
  });

  it("are retried when due, backing off further each time, then left for a person", async () => {
    const due = async () =>
      t.db
        .update(blockchainEvents)
        .set({ nextAttemptAt: new Date(Date.now() - 1000) })
        .where(eq(blockchainEvents.id, (await createdEvent()).id));
    for (let attempt = 2; attempt <= maxAutomaticAttempts; attempt++) {
      await due();
      await processFailed(t.db, key());
      const e = await createdEvent();
      expect(e.attempts).toBe(attempt);
      expect(e.nextAttemptAt === null).toBe(attempt === maxAutomaticAttempts);
    }
    await due();
    await processFailed(t.db, key());
    expect((await createdEvent()).attempts).toBe(maxAutomaticAttempts);
    expect(nextAttemptAt(2, new Date(0))!.getTime()).toBe(40_000);
  });

  it("once the cause is fixed, a retry by hand mirrors the batch with all its later events", async () => {
    await t.db.update(batches).set({ batchCode: "TWICE-1-RENAMED" }).where(eq(batches.batchCode, "TWICE-1"));
    const e = await createdEvent();
    const result = await processEvent(t.db, key(), e.id);
    expect(result).toMatchObject({ event_id: e.id, failed: 0 });
    expect(result.processed).toBeGreaterThanOrEqual(2);
    const [row] = await t.db.select().from(batches).where(eq(batches.tokenId, duplicateTokenId.toString()));
    expect(row).toMatchObject({
      batchCode: "TWICE-1",
      quantityKg: second.quantityKg,
      ownerAddress: chain.producer.address.toLowerCase(),
      status: "active",
    });
    expect(await createdEvent()).toMatchObject({ status: "processed", error: null, nextAttemptAt: null });
    const audited = await t.db.select().from(auditRecords).where(eq(auditRecords.batchId, row.id));
    expect(audited.map((a) => a.action)).toContain("chain.BatchCreated");
  });

  it("a replay keeps the row of a batch whose code the chain changed since", async () => {
    const { tokenId } = await mintBatch(chain.target, chain.producer, {
      ...first,
      metadata: { ...first.metadata, batch_code: "RENAME-A" },
    });
    const renamed = encodeMetadata({ ...first.metadata, batch_code: "RENAME-B" });
    const hash = await chain.wallet(chain.admin).writeContract({
      address: chain.address,
      abi: batchTokenAbi,
      chain: chain.client.chain,
      functionName: "updateMetadata",
      args: [tokenId, renamed.hash, renamed.uri],
    });
    await chain.client.waitForTransactionReceipt({ hash });
    await indexToHead(config);
    const [before] = await t.db.select().from(batches).where(eq(batches.tokenId, tokenId.toString()));
    expect(before.batchCode).toBe("RENAME-B");

    const [created] = await t.db
      .select()
      .from(blockchainEvents)
      .where(and(eq(blockchainEvents.tokenId, tokenId.toString()), eq(blockchainEvents.name, "BatchCreated")));
    expect(await processEvent(t.db, key(), created.id)).toMatchObject({ failed: 0 });
    const rows = await t.db
      .select()
      .from(batches)
      .where(or(eq(batches.tokenId, tokenId.toString()), inArray(batches.batchCode, ["RENAME-A", "RENAME-B"])));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      id: before.id,
      batchCode: "RENAME-B",
      tokenId: tokenId.toString(),
      ownerAddress: before.ownerAddress,
      status: before.status,
    });
  });

  it("refuses unknown and reorged events by hand", async () => {
    await expect(processEvent(t.db, key(), 999_999)).rejects.toMatchObject({
      code: "not_found",
    } satisfies Partial<ApiError>);
    const [any] = await t.db.select().from(blockchainEvents).limit(1);
    await t.db.update(blockchainEvents).set({ status: "reorged" }).where(eq(blockchainEvents.id, any.id));
    await expect(processEvent(t.db, key(), any.id)).rejects.toMatchObject({ code: "conflict" });
    expect((await t.db.select().from(blockchainEvents).where(eq(blockchainEvents.id, any.id)))[0].status).toBe(
      "reorged",
    );
  });
});
