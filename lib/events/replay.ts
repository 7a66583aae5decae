// Re-derives batches from their stored events: after a reorg removed some, and when failed
// events are retried (later events of the same batch may have depended on them).
import { and, asc, eq, inArray, lte, ne, or, sql } from "drizzle-orm";

import { ApiError } from "@/lib/api/errors";
import { forgetChainFacts, unbindToken } from "@/lib/batches/apply-event";
import { forgetChecks } from "@/lib/chainlink/apply-event";
import type { Db, Tx } from "@/lib/db";
import { blockchainEvents } from "@/lib/db/schema";

import { applyEvents, markAttempted, maxAutomaticAttempts, storedColumns, type StoredEvent } from "./apply";
import { auditChainEvents } from "./audit";
import { lockListener, ofListener, type ListenerKey } from "./listener";

/** Each token's row, rebuilt from its events that are still on the chain, in chain order. */
export async function replayTokens(tx: Tx, k: ListenerKey, tokenIds: Iterable<string>) {
  const totals = { processed: 0, failed: 0 };
  for (const tokenId of new Set(tokenIds)) {
    const events = await tx
      .select(storedColumns)
      .from(blockchainEvents)
      .where(and(ofListener(k), eq(blockchainEvents.tokenId, tokenId), ne(blockchainEvents.status, "reorged")))
      .orderBy(asc(blockchainEvents.blockNumber), asc(blockchainEvents.logIndex));
    // Still created on the chain: the row keeps its token and its replayed creation restores every
    // chain fact. Created no more: the row becomes the draft it stands for.
    if (events.some((e) => e.name === "BatchCreated")) await forgetChainFacts(tx, k.chainId, tokenId);
    else await unbindToken(tx, k.chainId, tokenId);
    await forgetChecks(tx, k.chainId, tokenId);
    const r = await applyEvents(tx, await markAttempted(tx, events));
    totals.processed += r.processed;
    totals.failed += r.failed;
  }
  return totals;
}

/** Retries the given failed or pending events: each one's whole batch is replayed. */
async function retry(tx: Tx, k: ListenerKey, events: (StoredEvent & { tokenId: string | null })[]) {
  const withToken = events.filter((e) => e.tokenId !== null);
  const totals = await replayTokens(
    tx,
    k,
    withToken.map((e) => e.tokenId!),
  );
  const r = await applyEvents(
    tx,
    await markAttempted(
      tx,
      events.filter((e) => e.tokenId === null),
    ),
  );
  // The retried events that took effect now are changes to their batches, like any indexed event.
  const now = await tx
    .select({ id: blockchainEvents.id })
    .from(blockchainEvents)
    .where(
      and(inArray(blockchainEvents.id, events.map((e) => e.id).concat(-1)), eq(blockchainEvents.status, "processed")),
    );
  const applied = new Set(now.map((e) => e.id));
  await auditChainEvents(
    tx,
    k.chainId,
    events.filter((e) => applied.has(e.id)),
  );
  return { processed: totals.processed + r.processed, failed: totals.failed + r.failed };
}

export type ProcessingResult = { event_id: number | null; events: number; processed: number; failed: number };

/** POST /api/blockchain-events/{id}/process: a person retries one event, whatever its attempts. */
export async function processEvent(db: Db, k: ListenerKey, eventId: number): Promise<ProcessingResult> {
  return db.transaction(async (tx) => {
    await lockListener(tx, k);
    const [event] = await tx
      .select({ ...storedColumns, status: blockchainEvents.status })
      .from(blockchainEvents)
      .where(and(ofListener(k), eq(blockchainEvents.id, eventId)));
    if (!event) throw new ApiError("not_found", `Event ${eventId} does not exist.`);
    if (event.status === "reorged")
      throw new ApiError(
        "conflict",
        `Event ${eventId} was removed from the chain by a reorganisation; there is nothing to apply.`,
      );
    const r = await retry(tx, k, [event]);
    return { event_id: eventId, events: r.processed + r.failed, ...r };
  });
}

/** Failed and pending events: all of them (`force`, a person asked), or those whose backoff is over. */
export async function processFailed(
  db: Db,
  k: ListenerKey,
  { force = false, limit = 500 } = {},
): Promise<ProcessingResult> {
  return db.transaction(async (tx) => {
    await lockListener(tx, k);
    const due = force
      ? undefined
      : and(
          lte(blockchainEvents.nextAttemptAt, sql`now()`),
          sql`${blockchainEvents.attempts} < ${maxAutomaticAttempts}`,
        );
    const events = await tx
      .select(storedColumns)
      .from(blockchainEvents)
      .where(
        and(ofListener(k), or(eq(blockchainEvents.status, "pending"), and(eq(blockchainEvents.status, "failed"), due))),
      )
      .orderBy(asc(blockchainEvents.id))
      .limit(limit);
    const r = await retry(tx, k, events);
    return { event_id: null, events: r.processed + r.failed, ...r };
  });
}
