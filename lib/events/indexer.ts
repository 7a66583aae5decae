// Follows the batch token's logs from a stored checkpoint. Each step either stores one range of
// blocks (events, their effects, block hashes and the checkpoint in one transaction) or, when the
// chain no longer has the checkpoint's block, rolls back to the common ancestor. While a range is
// written, the next one is read.
import { and, eq, sql } from "drizzle-orm";
import type { Address, PublicClient } from "viem";

import { batchChecksAbi, batchTokenAbi } from "@/lib/chain/abi";
import type { Db } from "@/lib/db";
import { jsonRows, readRows, returning } from "@/lib/db/json-rows";
import { blockchainEvents, listenerBlocks } from "@/lib/db/schema";
import { toJson } from "@/lib/json";

import { applyEvents, processed, storedColumns } from "./apply";
import { auditChainEvents } from "./audit";
import { listenerContracts, listenerId, lockListener, readListener, saveListener, type ListenerKey } from "./listener";
import { growRange, isRangeRefusal, shrinkRange } from "./range";
import { findAncestor, isForked, keptBlocks, rollBack, storedHash } from "./reorg";

export type IndexerConfig = {
  db: Db;
  client: PublicClient;
  chainId: number;
  address: Address;
  /** The Chainlink consumer, whose check events are stored and applied with the token's. */
  consumer?: Address;
  deployBlock: bigint;
  /** The most blocks one eth_getLogs may span; the indexer learns what the RPC allows below it. */
  blockRange: number;
  /** Blocks left unindexed behind the head, for chains that reorganise deeper than we care to undo. */
  confirmations?: number;
  /** How applied events enter the audit log; bench:indexer passes a no-op to show what it costs. */
  audit?: typeof auditChainEvents;
};

export type Step =
  | { kind: "indexed"; fromBlock: bigint; toBlock: bigint; events: number; failed: number; head: bigint }
  | { kind: "reorg"; ancestor: bigint; orphaned: number }
  | { kind: "narrowed"; blockRange: number; error: string }
  | { kind: "idle"; head: bigint }
  | { kind: "paused" };

const listenedAbi = [...batchTokenAbi, ...batchChecksAbi.filter((item) => item.type === "event")];

export function createIndexer(c: IndexerConfig) {
  const audit = c.audit ?? auditChainEvents;
  const key: ListenerKey = { chainId: c.chainId, address: c.address, consumer: c.consumer };
  let blockRange: number | undefined;
  // Never grow back to a size the RPC refused.
  let ceiling = c.blockRange;
  type Range = Awaited<ReturnType<typeof fetchRange>>;
  /** A range read, or why it could not be. */
  type Read = { range: Range } | { error: unknown; toBlock: bigint };
  /** A failed read a narrower range could get: refused as too large, over more than one block. */
  const canNarrow = (got: Read, fromBlock: bigint) =>
    "error" in got && isRangeRefusal(got.error) && got.toBlock > fromBlock;
  // The next range, read while the current one is written.
  let ahead: { fromBlock: bigint; toBlock: bigint; read: Promise<Read> } | undefined;

  async function fetchRange(fromBlock: bigint, toBlock: bigint) {
    const header = await c.client.getBlock({ blockNumber: toBlock });
    const first = fromBlock === toBlock ? header : await c.client.getBlock({ blockNumber: fromBlock });
    const logs = await c.client.getContractEvents({
      address: listenerContracts(key),
      abi: listenedAbi,
      fromBlock,
      toBlock,
      strict: true,
    });
    // Logs and header describe the same chain; if it moved between the calls, the next step looks
    // again (and rolls back if it must).
    if (logs.some((l) => l.blockNumber === toBlock && l.blockHash !== header.hash))
      throw new Error(`block ${toBlock} changed while its logs were read; retrying`);
    // Each log's block time: most RPCs put it on the log; otherwise from the block's header.
    const times = new Map<bigint, bigint>([
      [toBlock, header.timestamp],
      [fromBlock, first.timestamp],
    ]);
    for (const l of logs) if (l.blockTimestamp != null) times.set(l.blockNumber, l.blockTimestamp);
    for (const l of logs)
      if (!times.has(l.blockNumber))
        times.set(l.blockNumber, (await c.client.getBlock({ blockNumber: l.blockNumber })).timestamp);
    return { fromBlock, toBlock, parentHash: first.parentHash, header, logs, times };
  }

  /** The range must continue the stored chain, checked when it is about to be stored. */
  async function checkFollows(range: Range) {
    const parent = await storedHash(c.db, key, range.fromBlock - 1n);
    if (parent !== null && range.parentHash !== parent)
      throw new Error(
        `block ${range.fromBlock} does not follow the stored block ${range.fromBlock - 1n}; the chain reorganised while it was read`,
      );
  }

  async function read(fromBlock: bigint, toBlock: bigint): Promise<Read> {
    try {
      return { range: await fetchRange(fromBlock, toBlock) };
    } catch (error) {
      return { error, toBlock };
    }
  }

  /** Starts reading the range after this one, to be stored next. */
  function readAhead(fromBlock: bigint, toBlock: bigint) {
    ahead = { fromBlock, toBlock, read: read(fromBlock, toBlock) };
  }

  /**
   * The range read ahead, when it starts at `fromBlock` and ends at or before `safeHead`: read, or
   * refused as too large (narrowed then without asking again). Any other failure is read again.
   */
  async function takeAhead(fromBlock: bigint, safeHead: bigint): Promise<Read | null> {
    const next = ahead;
    ahead = undefined;
    if (!next || next.fromBlock !== fromBlock || next.toBlock > safeHead) return null;
    const got = await next.read;
    return "range" in got || canNarrow(got, fromBlock) ? got : null;
  }

  async function store(checkpoint: bigint, toBlock: bigint, range: Range, head: bigint) {
    return c.db.transaction(async (tx) => {
      await lockListener(tx, key);
      // Another indexer may have stored this range first; then there is nothing left to do.
      const state = await readListener(tx, key);
      if ((state?.lastBlock ?? c.deployBlock - 1n) !== checkpoint) return { events: 0, failed: 0 };

      // Stored as processed, this first attempt counted: applying them below marks only a failure.
      const rows = range.logs.map((log) => {
        const args = log.args as Record<string, unknown>;
        return {
          chainId: c.chainId,
          contractAddress: log.address.toLowerCase(),
          blockNumber: log.blockNumber,
          blockHash: log.blockHash,
          txHash: log.transactionHash,
          logIndex: log.logIndex,
          name: log.eventName,
          // Batch events name it batchId; the ERC-1155 TransferSingle names it id.
          tokenId:
            "batchId" in args ? String(args.batchId) : log.eventName === "TransferSingle" ? String(args.id) : null,
          args: toJson(args),
          blockTime: new Date(Number(range.times.get(log.blockNumber)!) * 1000),
          ...processed(1),
        };
      });
      // A log seen before a reorg and back on the chain again is applied again.
      const returned = { ...storedColumns, logIndex: blockchainEvents.logIndex };
      const inserted = rows.length
        ? await tx.execute<Record<string, unknown>>(
            sql`insert into ${blockchainEvents} ${jsonRows(blockchainEvents, rows)}
              on conflict (chain_id, block_hash, log_index) do update
              set status = 'processed', attempts = ${blockchainEvents.attempts} + 1, error = null, next_attempt_at = null, processed_at = now()
              where ${blockchainEvents.status} = 'reorged'
              ${returning(returned)}`,
          )
        : { rows: [] };
      const stored = readRows(returned, inserted.rows).sort((a, b) =>
        a.blockNumber === b.blockNumber ? a.logIndex - b.logIndex : a.blockNumber < b.blockNumber ? -1 : 1,
      );
      const applied = await applyEvents(tx, stored);
      await audit(
        tx,
        c.chainId,
        stored.filter((e) => !applied.failedIds.has(e.id)),
      );

      await saveListener(
        tx,
        key,
        { lastBlock: toBlock, headBlock: head, blockRange, lastError: null },
        { lastBlock: toBlock },
      );
      const hashes = new Map<bigint, string>([[toBlock, range.header.hash]]);
      for (const log of range.logs) hashes.set(log.blockNumber, log.blockHash);
      const newest = [...hashes].sort(([a], [b]) => (a < b ? 1 : -1)).slice(0, keptBlocks);
      await tx
        .insert(listenerBlocks)
        .values(newest.map(([blockNumber, blockHash]) => ({ listenerId: listenerId(key), blockNumber, blockHash })))
        .onConflictDoUpdate({
          target: [listenerBlocks.listenerId, listenerBlocks.blockNumber],
          set: { blockHash: sql`excluded.block_hash` },
        });
      await tx
        .delete(listenerBlocks)
        .where(
          and(
            eq(listenerBlocks.listenerId, listenerId(key)),
            sql`${listenerBlocks.blockNumber} < (select block_number from listener_blocks where listener_id = ${listenerId(key)} order by block_number desc offset ${keptBlocks - 1} limit 1)`,
          ),
        );
      return { events: stored.length, failed: applied.failed };
    });
  }

  /** One unit of work: a range stored, a reorg undone, a narrower range to try, or nothing new. */
  async function step(): Promise<Step> {
    const state = await readListener(c.db, key);
    if (state && !state.isActive) return { kind: "paused" };
    blockRange ??= Math.min(c.blockRange, state?.blockRange ?? c.blockRange);
    const checkpoint = state?.lastBlock ?? c.deployBlock - 1n;
    const head = await c.client.getBlockNumber({ cacheTime: 0 });

    if (await isForked(c.db, c.client, key, checkpoint)) {
      ahead = undefined;
      const ancestor = await findAncestor(c.db, c.client, key, c.deployBlock - 1n);
      return { kind: "reorg", ancestor, ...(await rollBack(c.db, key, checkpoint, ancestor)) };
    }

    const safeHead = head - BigInt(c.confirmations ?? 0);
    if (checkpoint >= safeHead) return { kind: "idle", head };
    const fromBlock = checkpoint + 1n;
    const got =
      (await takeAhead(fromBlock, safeHead)) ??
      (await read(fromBlock, safeHead < checkpoint + BigInt(blockRange) ? safeHead : checkpoint + BigInt(blockRange)));
    if ("error" in got) {
      if (!canNarrow(got, fromBlock)) throw got.error;
      const tried = Number(got.toBlock - fromBlock) + 1;
      ceiling = Math.max(1, tried - 1);
      blockRange = shrinkRange(tried);
      return { kind: "narrowed", blockRange, error: (got.error as Error).message.split("\n")[0] };
    }
    const { range } = got;
    await checkFollows(range);
    const { toBlock } = range;
    const nextRange = growRange(blockRange, range.logs.length, ceiling);
    if (toBlock < safeHead)
      readAhead(toBlock + 1n, safeHead < toBlock + BigInt(nextRange) ? safeHead : toBlock + BigInt(nextRange));
    const stored = await store(checkpoint, toBlock, range, head);
    blockRange = nextRange;
    return { kind: "indexed", fromBlock, toBlock, events: stored.events, failed: stored.failed, head };
  }

  /** Steps until nothing is left to index; returns the events stored on the way. */
  async function toHead(): Promise<number> {
    let events = 0;
    for (;;) {
      const s = await step();
      if (s.kind === "indexed") events += s.events;
      if (s.kind === "idle" || s.kind === "paused") return events;
    }
  }

  return { key, step, toHead, blockRange: () => blockRange };
}

export type Indexer = ReturnType<typeof createIndexer>;

/** The checkpoint: the last block whose events are stored and applied. */
export async function getCheckpoint(
  c: Pick<IndexerConfig, "db" | "chainId" | "address" | "deployBlock">,
): Promise<bigint> {
  return (await readListener(c.db, { chainId: c.chainId, address: c.address }))?.lastBlock ?? c.deployBlock - 1n;
}

/** Indexes until the head is reached. */
export async function indexToHead(c: IndexerConfig): Promise<number> {
  return createIndexer(c).toHead();
}
