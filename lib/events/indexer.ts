// Follows the batch token's logs from a stored checkpoint. Events, their effects on batches
// and the checkpoint commit in one transaction, so a crash never loses or repeats an event.
import { eq, sql } from "drizzle-orm";
import type { Address, PublicClient } from "viem";
import { batchTokenAbi } from "@/lib/chain/abi";
import type { Db } from "@/lib/db";
import { blockchainEvents, listenerState } from "@/lib/db/schema";
import { applyBatchEvent } from "@/lib/batches/apply-event";

export type IndexerConfig = {
  db: Db;
  client: PublicClient;
  chainId: number;
  address: Address;
  deployBlock: bigint;
  blockRange: number;
};

export type IndexResult = { fromBlock: bigint; toBlock: bigint; events: number; isCaughtUp: boolean };

const stateId = (c: IndexerConfig) => `batch_token:${c.chainId}:${c.address.toLowerCase()}`;

function toJson(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value, (_k, v) => (typeof v === "bigint" ? v.toString() : v)));
}

export async function getCheckpoint(c: IndexerConfig): Promise<bigint> {
  const [row] = await c.db.select({ lastBlock: listenerState.lastBlock }).from(listenerState).where(eq(listenerState.id, stateId(c)));
  return row?.lastBlock ?? c.deployBlock - 1n;
}

/** Indexes the next block range after the checkpoint, up to the chain head. */
export async function indexNextRange(c: IndexerConfig): Promise<IndexResult> {
  const checkpoint = await getCheckpoint(c);
  const head = await c.client.getBlockNumber({ cacheTime: 0 });
  const fromBlock = checkpoint + 1n;
  if (fromBlock > head) return { fromBlock, toBlock: checkpoint, events: 0, isCaughtUp: true };
  const toBlock = head < checkpoint + BigInt(c.blockRange) ? head : checkpoint + BigInt(c.blockRange);

  const logs = await c.client.getContractEvents({ address: c.address, abi: batchTokenAbi, fromBlock, toBlock, strict: true });

  await c.db.transaction(async (tx) => {
    for (const log of logs) {
      const args = log.args as Record<string, unknown>;
      const [stored] = await tx
        .insert(blockchainEvents)
        .values({
          chainId: c.chainId,
          contractAddress: c.address.toLowerCase(),
          blockNumber: log.blockNumber,
          blockHash: log.blockHash,
          txHash: log.transactionHash,
          logIndex: log.logIndex,
          name: log.eventName,
          tokenId: "batchId" in args ? String(args.batchId) : null,
          args: toJson(args),
        })
        .onConflictDoNothing()
        .returning({ id: blockchainEvents.id });
      if (!stored) continue;
      const event = { chainId: c.chainId, eventName: log.eventName, args, transactionHash: log.transactionHash };
      try {
        await tx.transaction((inner) => applyBatchEvent(inner, event));
        await tx.update(blockchainEvents).set({ status: "processed", attempts: 1, processedAt: new Date() }).where(eq(blockchainEvents.id, stored.id));
      } catch (error) {
        await tx.update(blockchainEvents).set({ status: "failed", attempts: 1, error: (error as Error).message.slice(0, 2000) }).where(eq(blockchainEvents.id, stored.id));
      }
    }
    await tx
      .insert(listenerState)
      .values({ id: stateId(c), chainId: c.chainId, contractAddress: c.address.toLowerCase(), lastBlock: toBlock })
      .onConflictDoUpdate({ target: listenerState.id, set: { lastBlock: sql`greatest(${listenerState.lastBlock}, excluded.last_block)`, updatedAt: sql`now()` } });
  });
  return { fromBlock, toBlock, events: logs.length, isCaughtUp: toBlock === head };
}

/** Indexes until the head is reached. */
export async function indexToHead(c: IndexerConfig): Promise<number> {
  let events = 0;
  for (;;) {
    const r = await indexNextRange(c);
    events += r.events;
    if (r.isCaughtUp) return events;
  }
}
