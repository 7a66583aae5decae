// The listener's status for the page and the API (seed 000's EventListenerStatus).
import "server-only";

import { and, count, gt, sql } from "drizzle-orm";
import type { PublicClient } from "viem";

import type { Db } from "@/lib/db";
import { blockchainEvents } from "@/lib/db/schema";

import { ofListener, readListener, saveListener, type ListenerKey } from "./listener";

export type ListenerStatus = {
  listening: boolean;
  chain_id: number;
  contract_address: string;
  head_block: string | null;
  last_processed_block: string | null;
  lag_blocks: string | null;
  block_range: number | null;
  events_per_minute: number;
  events: { pending: number; processed: number; failed: number; reorged: number };
  last_error: string | null;
  last_error_at: string | null;
  chain_error: string | null;
  updated_at: string | null;
};

export async function getListenerStatus(db: Db, client: PublicClient, k: ListenerKey): Promise<ListenerStatus> {
  const ofThis = ofListener(k);
  const [state, counts, [recent], head] = await Promise.all([
    readListener(db, k),
    db
      .select({ status: blockchainEvents.status, n: count() })
      .from(blockchainEvents)
      .where(ofThis)
      .groupBy(blockchainEvents.status),
    // Over five minutes, so one busy block does not make the rate jump about.
    db
      .select({ n: count() })
      .from(blockchainEvents)
      .where(and(ofThis, gt(blockchainEvents.createdAt, sql`now() - interval '5 minutes'`))),
    client.getBlockNumber({ cacheTime: 0 }).then(
      (n) => ({ n, error: null }),
      (e: Error) => ({ n: null, error: e.message.split("\n")[0] }),
    ),
  ]);
  const events = { pending: 0, processed: 0, failed: 0, reorged: 0 };
  for (const c of counts) events[c.status] = c.n;
  const last = state?.lastBlock ?? null;
  return {
    listening: state?.isActive ?? true,
    chain_id: k.chainId,
    contract_address: k.address.toLowerCase(),
    head_block: head.n?.toString() ?? state?.headBlock?.toString() ?? null,
    last_processed_block: last?.toString() ?? null,
    lag_blocks: head.n !== null && last !== null ? (head.n > last ? head.n - last : 0n).toString() : null,
    block_range: state?.blockRange ?? null,
    events_per_minute: Math.round((recent.n / 5) * 10) / 10,
    events,
    last_error: state?.lastError ?? null,
    last_error_at: state?.lastErrorAt?.toISOString() ?? null,
    chain_error: head.error,
    updated_at: state?.updatedAt.toISOString() ?? null,
  };
}

/** Pauses or resumes the listener; a paused listener stores nothing until resumed. */
export async function setListening(db: Db, k: ListenerKey, deployBlock: bigint, active: boolean): Promise<void> {
  await saveListener(db, k, { isActive: active }, { lastBlock: deployBlock - 1n });
}
