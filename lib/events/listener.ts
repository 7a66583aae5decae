// The listener's stored state: checkpoint, active flag, learned range and last error.
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Address } from "viem";

import type { Db, Tx } from "@/lib/db";
import { blockchainEvents, listenerState } from "@/lib/db/schema";

/** A listener follows the batch token and, when there is one, the Chainlink consumer (BatchChecks). */
export type ListenerKey = { chainId: number; address: Address; consumer?: Address };

/** The contracts whose logs the listener stores. */
export const listenerContracts = (k: ListenerKey): Address[] => (k.consumer ? [k.address, k.consumer] : [k.address]);

/** This listener's stored events. */
export const ofListener = (k: ListenerKey) =>
  and(
    eq(blockchainEvents.chainId, k.chainId),
    inArray(
      blockchainEvents.contractAddress,
      listenerContracts(k).map((a) => a.toLowerCase()),
    ),
  );

export const listenerId = (k: ListenerKey) => `batch_token:${k.chainId}:${k.address.toLowerCase()}`;

/** Serialises every write to this listener's events, so changes commit in the order they are numbered. */
export async function lockListener(tx: Tx, k: ListenerKey): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${listenerId(k)}, 0))`);
}

export async function readListener(db: Db | Tx, k: ListenerKey) {
  const [row] = await db
    .select()
    .from(listenerState)
    .where(eq(listenerState.id, listenerId(k)));
  return row;
}

/** Creates the state row on first use; later calls only change what `set` names. */
export async function saveListener(
  db: Db | Tx,
  k: ListenerKey,
  set: Partial<typeof listenerState.$inferInsert> & { lastBlock?: bigint },
  whenMissing: { lastBlock: bigint },
) {
  await db
    .insert(listenerState)
    .values({ id: listenerId(k), chainId: k.chainId, contractAddress: k.address.toLowerCase(), ...whenMissing, ...set })
    .onConflictDoUpdate({ target: listenerState.id, set: { ...set, updatedAt: sql`now()` } });
}

export async function recordListenerError(db: Db, k: ListenerKey, error: unknown) {
  const message = ((error as Error)?.message ?? String(error)).split("\n")[0].slice(0, 500);
  await db
    .update(listenerState)
    .set({ lastError: message, lastErrorAt: new Date() })
    .where(and(eq(listenerState.id, listenerId(k))));
}
