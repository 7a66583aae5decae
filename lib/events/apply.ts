// Runs the batch handlers for stored events and records each outcome: processed, or failed with
// its error and the time of its next attempt (backing off, then left for a person to retry).
import { eq, sql, type SQL } from "drizzle-orm";

import { applyBatchEvent, applyBatchEvents, type ChainEvent } from "@/lib/batches/apply-event";
import { applyCheckEvents } from "@/lib/chainlink/apply-event";
import type { Tx } from "@/lib/db";
import { failureReason } from "@/lib/db/errors";
import { blockchainEvents } from "@/lib/db/schema";
import { markIndexed, shipmentTxs } from "@/lib/orders/indexed";
import { prepareStockEvents } from "@/lib/stock/apply-event";

export type StoredEvent = Pick<
  typeof blockchainEvents.$inferSelect,
  "id" | "chainId" | "name" | "args" | "txHash" | "attempts" | "blockNumber" | "blockTime"
>;

/** The columns an event is read with to apply it (and its token, to replay it). */
export const storedColumns = {
  id: blockchainEvents.id,
  chainId: blockchainEvents.chainId,
  name: blockchainEvents.name,
  args: blockchainEvents.args,
  txHash: blockchainEvents.txHash,
  attempts: blockchainEvents.attempts,
  blockNumber: blockchainEvents.blockNumber,
  blockTime: blockchainEvents.blockTime,
  tokenId: blockchainEvents.tokenId,
};

export const maxAutomaticAttempts = 5;

/** How an event applied without error is marked, with its attempts counted. */
export const processed = <A extends number | SQL>(attempts: A) => ({
  status: "processed" as const,
  attempts,
  error: null,
  nextAttemptAt: null,
  processedAt: new Date(),
});

/** 10 s, 40 s, 160 s, 640 s after each failure; none once the automatic attempts are spent. */
export function nextAttemptAt(attempts: number, now = new Date()): Date | null {
  if (attempts >= maxAutomaticAttempts) return null;
  return new Date(now.getTime() + 10_000 * 4 ** (attempts - 1));
}

const toChainEvent = (e: StoredEvent): ChainEvent => ({
  chainId: e.chainId,
  eventName: e.name,
  args: e.args as Record<string, unknown>,
  transactionHash: e.txHash,
  blockTime: e.blockTime,
});

/** One id list as a single array parameter, however many events a range holds. */
export const idArray = (ids: number[]) => sql`${blockchainEvents.id} = any(${`{${ids.join(",")}}`}::bigint[])`;

/**
 * Counts this attempt and marks the events processed, before they are applied: applying then writes
 * only a failure. The indexer stores new events so from the start.
 */
export async function markAttempted<E extends StoredEvent>(tx: Tx, events: E[]): Promise<E[]> {
  if (events.length)
    await tx
      .update(blockchainEvents)
      .set(processed(sql`${blockchainEvents.attempts} + 1`))
      .where(idArray(events.map((e) => e.id)));
  return events.map((e) => ({ ...e, attempts: e.attempts + 1 }));
}

/**
 * Applies events marked processed, this attempt counted (see `markAttempted`), in order; a failing
 * handler marks only its own event failed.
 */
export async function applyEvents(
  tx: Tx,
  events: StoredEvent[],
): Promise<{ processed: number; failed: number; failedIds: Set<number> }> {
  const failedIds = new Set<number>();
  if (!events.length) return { processed: 0, failed: 0, failedIds };
  try {
    await tx.transaction(async (all) => {
      const shipped = await shipmentTxs(
        all,
        events.map((e) => e.txHash),
      );
      const stock = await prepareStockEvents(all, events, shipped);
      await applyBatchEvents(all, events.map(toChainEvent));
      await applyCheckEvents(all, events.map(toChainEvent));
      await stock.apply();
      await markIndexed(all, shipped);
    });
    return { processed: events.length, failed: 0, failedIds };
  } catch {
    // Some handler threw: go one event at a time so only that one is marked failed.
  }
  for (const e of events) {
    try {
      await tx.transaction(async (one) => {
        const shipped = await shipmentTxs(one, [e.txHash]);
        const stock = await prepareStockEvents(one, [e], shipped);
        await applyBatchEvent(one, toChainEvent(e));
        await applyCheckEvents(one, [toChainEvent(e)]);
        await stock.apply();
        await markIndexed(one, shipped);
      });
    } catch (error) {
      failedIds.add(e.id);
      const message = failureReason(error).slice(0, 2000);
      await tx
        .update(blockchainEvents)
        .set({
          status: "failed",
          attempts: e.attempts,
          error: message,
          nextAttemptAt: nextAttemptAt(e.attempts),
          processedAt: null,
        })
        .where(eq(blockchainEvents.id, e.id));
    }
  }
  return { processed: events.length - failedIds.size, failed: failedIds.size, failedIds };
}
