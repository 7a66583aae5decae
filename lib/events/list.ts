// Stored events for the API and the Event Listener page: filters, newest first, cursor pages,
// and the change feed (everything after a change number) that live pages follow.
import "server-only";

import { and, desc, eq, gt, gte, inArray, lt, lte, sql, type SQL } from "drizzle-orm";

import { decodeCursor, pageByIdDesc } from "@/lib/api/cursor";
import type { Scope } from "@/lib/auth/scope";
import { batchesInScope } from "@/lib/batches/scope";
import type { Db } from "@/lib/db";
import { batches, blockchainEvents } from "@/lib/db/schema";

import { ofListener, type ListenerKey } from "./listener";
import type { EventListQuery } from "./schemas";

const columns = {
  event: blockchainEvents,
  batchId: batches.id,
  batchCode: batches.batchCode,
};

type Row = { event: typeof blockchainEvents.$inferSelect; batchId: number | null; batchCode: string | null };

export function toEventJson({ event: e, batchId, batchCode }: Row) {
  return {
    id: e.id,
    seq: e.seq,
    chain_id: e.chainId,
    contract_address: e.contractAddress,
    block_number: e.blockNumber.toString(),
    block_hash: e.blockHash,
    tx_hash: e.txHash,
    log_index: e.logIndex,
    name: e.name,
    token_id: e.tokenId,
    batch_id: batchId,
    batch_code: batchCode,
    args: e.args,
    status: e.status,
    attempts: e.attempts,
    error: e.error,
    next_attempt_at: e.nextAttemptAt?.toISOString() ?? null,
    created_at: e.createdAt.toISOString(),
    processed_at: e.processedAt?.toISOString() ?? null,
  };
}

export type EventJson = ReturnType<typeof toEventJson>;

function select(db: Db) {
  return db
    .select(columns)
    .from(blockchainEvents)
    .leftJoin(
      batches,
      and(eq(batches.chainId, blockchainEvents.chainId), eq(batches.tokenId, blockchainEvents.tokenId)),
    );
}

/** Events of the batches in `scope` (for the operating company, every event, a batch's or not). */
export async function listEvents(
  db: Db,
  k: ListenerKey,
  q: EventListQuery,
  scope: Scope,
): Promise<{ data: EventJson[]; next_cursor: string | null }> {
  const where: (SQL | undefined)[] = [ofListener(k), batchesInScope(scope)];
  if (q.status) where.push(inArray(blockchainEvents.status, q.status));
  if (q.name) where.push(inArray(blockchainEvents.name, q.name));
  if (q.batch_id) where.push(eq(batches.id, q.batch_id));
  if (q.tx_hash) where.push(eq(blockchainEvents.txHash, q.tx_hash));
  if (q.from_block !== undefined) where.push(gte(blockchainEvents.blockNumber, q.from_block));
  if (q.to_block !== undefined) where.push(lte(blockchainEvents.blockNumber, q.to_block));
  if (q.cursor) where.push(lt(blockchainEvents.id, decodeCursor(q.cursor, "id", "desc").id));
  const rows = await select(db)
    .where(and(...where))
    .orderBy(desc(blockchainEvents.id))
    .limit(q.limit + 1);
  return pageByIdDesc(rows, q.limit, (r) => r.event.id, toEventJson);
}

/** Every event inserted or changed after change number `seq`, oldest change first. */
export async function eventsChangedAfter(
  db: Db,
  k: ListenerKey,
  seq: number,
  scope: Scope,
  limit = 500,
): Promise<EventJson[]> {
  const rows = await select(db)
    .where(and(ofListener(k), gt(blockchainEvents.seq, seq), batchesInScope(scope)))
    .orderBy(blockchainEvents.seq)
    .limit(limit);
  return rows.map(toEventJson);
}

/** The newest change number, where a page that just rendered starts following. */
export async function latestEventSeq(db: Db, k: ListenerKey): Promise<number> {
  const [row] = await db
    .select({ seq: sql<string | null>`max(${blockchainEvents.seq})` })
    .from(blockchainEvents)
    .where(ofListener(k));
  return Number(row?.seq ?? 0);
}
