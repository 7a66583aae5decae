// A reconciliation run (seed 000's sync_pending_batches): every batch on chain against its row, a
// page of ids at a time, each page read in one Multicall3 call at the block the listener has
// reached, so the chain and the rows describe the same moment. Drafts whose mint was sent and the
// app's other transactions are followed first. An RPC outage pauses the run and it resumes; only a
// batch's own failure counts against that batch (lib/sync/failure.ts).
import { and, eq, inArray, sql } from "drizzle-orm";

import { raiseAlert } from "@/lib/alerts/raise";
import { recordAudit } from "@/lib/audit/record";
import { columnsFromChain, statusFromChain, upsertFromChain } from "@/lib/batches/from-chain";
import { isOutage } from "@/lib/chain/errors";
import type { Db, Tx } from "@/lib/db";
import { batches, importLogs, syncHistory, syncResults } from "@/lib/db/schema";
import { lockListener, readListener, type ListenerKey } from "@/lib/events/listener";
import { followTransactions, SYNC_ACTOR, trackPendingMints } from "@/lib/transactions/transactions";

import { compareBatch } from "./compare";
import { recordSyncFailure } from "./failure";
import { readBatchCount, readBatches, type ChainBatch, type SyncChain } from "./read";
import { recordResults } from "./results";

export type SyncConfig = {
  db: Db;
  chain: SyncChain;
  listener: ListenerKey;
  /** Token ids per page (one Multicall3 read and one transaction each). */
  pageSize?: number;
  /** How long an unreachable RPC may pause a run before it gives up (the batches untouched). */
  outageMs?: number;
};

type Counts = { updated: number; imported: number; flagged: number; failed: number };
type Row = typeof batches.$inferSelect;

const zero = (): Counts => ({ updated: 0, imported: 0, flagged: 0, failed: 0 });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The block the rows reflect: the listener's checkpoint, or the head when nothing is indexed yet. */
async function snapshotBlock(c: SyncConfig, db: Db | Tx): Promise<bigint> {
  return (await readListener(db, c.listener))?.lastBlock ?? (await c.chain.client.getBlockNumber({ cacheTime: 0 }));
}

/**
 * Calls `read` until it answers; while the RPC is down the run shows `paused` with the reason. A
 * refusal (a revert, a bad request) or a database error is thrown at once: waiting would not change it.
 */
async function throughOutage<T>(c: SyncConfig, syncId: number, read: () => Promise<T>): Promise<T> {
  const started = Date.now();
  for (let attempt = 0; ; attempt++) {
    try {
      const value = await read();
      if (attempt > 0)
        await c.db
          .update(syncHistory)
          .set({ status: "running", error: null, updatedAt: new Date() })
          .where(eq(syncHistory.id, syncId));
      return value;
    } catch (error) {
      if (!isOutage(error) || Date.now() - started > (c.outageMs ?? 600_000)) throw error;
      const reason = `The RPC failed (${(error as Error).message.split("\n")[0]}); the run waits and resumes.`;
      await c.db
        .update(syncHistory)
        .set({ status: "paused", error: reason, updatedAt: new Date() })
        .where(eq(syncHistory.id, syncId));
      await sleep(Math.min(30_000, 250 * 2 ** attempt) * (0.5 + Math.random()));
    }
  }
}

async function importMissing(
  tx: Tx,
  c: SyncConfig,
  syncId: number,
  tokenId: bigint,
  onchain: ChainBatch | Error,
  counts: Counts,
) {
  try {
    if (onchain instanceof Error) throw onchain;
    const row = columnsFromChain(c.chain.chainId, tokenId, onchain);
    await tx.transaction(async (sp) => {
      const { id } = await upsertFromChain(sp, {
        ...row,
        status: statusFromChain[onchain.status],
        ...(onchain.verified && { verificationStatus: "verified" as const }),
        syncStatus: "synced",
      });
      await sp.insert(importLogs).values({
        chainId: c.chain.chainId,
        tokenId: tokenId.toString(),
        batchId: id,
        action: "created",
        message: `imported by sync #${syncId}`,
      });
      await sp.insert(syncResults).values({
        syncId,
        batchId: id,
        tokenId: tokenId.toString(),
        field: "batch",
        offchain: null,
        onchain: row.batchCode,
        action: "imported",
        detail: "On chain but missing from Postgres.",
      });
      await recordAudit(sp, {
        entity: "batch",
        entityId: id,
        batchId: id,
        action: "batch.imported",
        actor: SYNC_ACTOR,
        after: {
          token_id: tokenId.toString(),
          status: statusFromChain[onchain.status],
          quantity_kg: row.quantityKg,
          sync_id: syncId,
        },
      });
    });
    counts.imported++;
  } catch (error) {
    const message = `Sync #${syncId} could not import token ${tokenId}: ${(error as Error).message}`;
    await tx
      .insert(importLogs)
      .values({ chainId: c.chain.chainId, tokenId: tokenId.toString(), action: "failed", message });
    await tx
      .insert(syncResults)
      .values({ syncId, tokenId: tokenId.toString(), field: "batch", action: "failed", detail: message });
    counts.failed++;
  }
}

/**
 * One row against the chain: what the chain owns is updated, what it contradicts is flagged.
 * Returns whether the row was already in step and only needs its sync time (set for a page at once).
 */
async function reconcile(
  tx: Tx,
  syncId: number,
  row: Row,
  onchain: ChainBatch | null | Error,
  counts: Counts,
): Promise<boolean> {
  try {
    if (onchain instanceof Error) throw onchain;
    const isClean = row.syncStatus === "synced" && !row.syncError && row.syncAttempts === 0;
    const comparison = onchain && compareBatch(row, onchain);
    if (comparison && isClean && !comparison.updated.length && !comparison.contradicted.length) return true;
    await tx.transaction(async (sp) => {
      if (!comparison) {
        const message = `Token ${row.tokenId} does not exist on chain ${row.chainId}, but this batch claims it.`;
        await sp
          .update(batches)
          .set({ syncStatus: "out_of_sync", syncError: message, updatedAt: new Date() })
          .where(eq(batches.id, row.id));
        await recordResults(sp, syncId, row, [
          { field: "token_id", offchain: row.tokenId, onchain: null, action: "flagged", detail: message },
        ]);
        await raiseAlert(
          sp,
          { batchId: row.id, type: "sync_error", severity: "high", source: "sync:missing-token", message },
          SYNC_ACTOR,
        );
        counts.flagged++;
        return;
      }
      const { set, updated, contradicted } = comparison;
      const results = [
        ...updated.map((d) => ({ ...d, action: "updated" as const, detail: null })),
        ...contradicted.map((d) => ({
          field: d.field,
          offchain: d.offchain,
          onchain: d.onchain,
          action: "flagged" as const,
          detail: d.message,
        })),
      ];
      await sp
        .update(batches)
        .set({
          ...set,
          syncStatus: contradicted.length ? "out_of_sync" : "synced",
          syncError: null,
          syncAttempts: 0,
          nextSyncAt: null,
          lastSyncedAt: new Date(),
          updatedAt: new Date(),
        })
        .where(eq(batches.id, row.id));
      if (!results.length) return;
      await recordResults(sp, syncId, row, results);
      if (updated.length) {
        const before = Object.fromEntries(updated.map((d) => [d.field, d.offchain]));
        const after = Object.fromEntries(updated.map((d) => [d.field, d.onchain]));
        await recordAudit(sp, {
          entity: "batch",
          entityId: row.id,
          batchId: row.id,
          action: "sync.repaired",
          actor: SYNC_ACTOR,
          before,
          after: { ...after, sync_id: syncId },
        });
        counts.updated++;
      }
      for (const d of contradicted)
        await raiseAlert(
          sp,
          {
            batchId: row.id,
            type: d.type,
            severity: "high",
            source: `sync:${d.field}:${d.onchain}`,
            message: `${d.message} (found by sync #${syncId})`,
            details: { offchain: d.offchain, onchain: d.onchain, sync_id: syncId },
          },
          SYNC_ACTOR,
        );
      if (contradicted.length) counts.flagged++;
    });
  } catch (error) {
    await recordSyncFailure(tx, syncId, row, error);
    counts.failed++;
  }
  return false;
}

/**
 * One page of token ids: read at the listener's block, then compared under the listener's lock. If
 * the listener moves on while we read, the page is read again; every third time, under the lock, so
 * a busy listener waits one read instead of the page waiting for ever. That read is tried once: an
 * RPC outage is waited out without the lock, never holding the listener up.
 */
async function syncPage(c: SyncConfig, syncId: number, tokenIds: bigint[], only = false): Promise<Counts> {
  for (let attempt = 1; ; attempt++) {
    const isLast = attempt % 3 === 0;
    const early = isLast
      ? null
      : await throughOutage(c, syncId, async () => {
          const block = await snapshotBlock(c, c.db);
          return { block, onchain: await readBatches(c.chain, tokenIds, block) };
        });
    const counts = await c.db.transaction(async (tx) => {
      await lockListener(tx, c.listener);
      const block = await snapshotBlock(c, tx);
      if (early && early.block !== block) return null;
      const onchain = early?.onchain ?? (await readBatches(c.chain, tokenIds, block).catch(() => null));
      if (!onchain) return null;
      const counts = zero();
      const ids = tokenIds.map(String);
      const rows = await tx
        .select()
        .from(batches)
        .where(and(eq(batches.chainId, c.chain.chainId), inArray(batches.tokenId, ids)));
      const byToken = new Map(rows.map((r) => [r.tokenId!, r]));
      const now = new Date();
      const clean: number[] = [];
      for (const [i, id] of tokenIds.entries()) {
        const row = byToken.get(id.toString());
        if (!row) {
          if (onchain[i]) await importMissing(tx, c, syncId, id, onchain[i]!, counts);
          continue;
        }
        // A batch that failed lately waits out its backoff; one given up on waits for a person.
        if (!only && ((row.nextSyncAt && row.nextSyncAt > now) || row.syncStatus === "error")) continue;
        if (await reconcile(tx, syncId, row, onchain[i], counts)) clean.push(row.id);
      }
      if (clean.length) await tx.update(batches).set({ lastSyncedAt: now }).where(inArray(batches.id, clean));
      await tx.execute(sql`update sync_history set checked = checked + ${tokenIds.length}, updated = updated + ${counts.updated}, imported = imported + ${counts.imported},
        flagged = flagged + ${counts.flagged}, failed = failed + ${counts.failed}, from_block = coalesce(from_block, ${block.toString()}::numeric), to_block = ${block.toString()}::numeric, updated_at = now()
        where id = ${syncId}`);
      return counts;
    });
    if (counts) return counts;
  }
}

/** Runs a queued reconciliation to its end and returns its row. */
export async function runSync(c: SyncConfig, syncId: number) {
  const started = Date.now();
  await c.db
    .update(syncHistory)
    .set({ status: "running", startedAt: new Date(started), updatedAt: new Date() })
    .where(eq(syncHistory.id, syncId));
  try {
    await trackPendingMints(c.db, c.chain.chainId);
    await throughOutage(c, syncId, () => followTransactions(c.db, c.chain.client, c.chain.chainId));
    const block = await throughOutage(c, syncId, () => snapshotBlock(c, c.db));
    const onChain = Number(await throughOutage(c, syncId, () => readBatchCount(c.chain, block)));
    // Rows claiming a token past the chain's last are checked too (and flagged).
    const strays = await c.db
      .select({ tokenId: batches.tokenId })
      .from(batches)
      .where(and(eq(batches.chainId, c.chain.chainId), sql`${batches.tokenId} > ${onChain}`));
    const ids = [...Array.from({ length: onChain }, (_, i) => BigInt(i + 1)), ...strays.map((r) => BigInt(r.tokenId!))];
    await c.db.update(syncHistory).set({ total: ids.length, updatedAt: new Date() }).where(eq(syncHistory.id, syncId));
    const pageSize = c.pageSize ?? 500;
    for (let first = 0; first < ids.length; first += pageSize) {
      await syncPage(c, syncId, ids.slice(first, first + pageSize));
    }
    await finish(c.db, syncId, started, "succeeded", null);
  } catch (error) {
    await finish(c.db, syncId, started, "failed", (error as Error).message.split("\n")[0]);
    throw error;
  }
  const [row] = await c.db.select().from(syncHistory).where(eq(syncHistory.id, syncId));
  return row;
}

async function finish(db: Db, syncId: number, started: number, status: "succeeded" | "failed", error: string | null) {
  await db
    .update(syncHistory)
    .set({ status, error, finishedAt: new Date(), durationMs: Date.now() - started, updatedAt: new Date() })
    .where(eq(syncHistory.id, syncId));
}

/** Seed 000's sync_batch: one batch now, whatever its backoff; a draft has its mint followed. */
export async function syncBatch(c: SyncConfig, batchId: number) {
  const [batch] = await c.db.select().from(batches).where(eq(batches.id, batchId));
  if (!batch) return null;
  const started = Date.now();
  const [run] = await c.db
    .insert(syncHistory)
    .values({ trigger: "batch", batchId, status: "running", total: 1, startedAt: new Date(started) })
    .returning();
  try {
    if (batch.tokenId === null) {
      await trackPendingMints(c.db, c.chain.chainId);
      await throughOutage(c, run.id, () => followTransactions(c.db, c.chain.client, c.chain.chainId));
    } else await syncPage(c, run.id, [BigInt(batch.tokenId)], true);
    await finish(c.db, run.id, started, "succeeded", null);
  } catch (error) {
    await finish(c.db, run.id, started, "failed", (error as Error).message.split("\n")[0]);
    throw error;
  }
  return run.id;
}
