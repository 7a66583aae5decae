// Reorganisations: find the newest stored block the chain still has, then take back everything
// after it — events marked reorged, their batches replayed without them, checkpoint moved back.
import { and, desc, eq, gt, inArray, ne } from "drizzle-orm";
import type { PublicClient } from "viem";

import { recordAudit } from "@/lib/audit/record";
import type { Db } from "@/lib/db";
import { batches, blockchainEvents, listenerBlocks } from "@/lib/db/schema";
import { removeMovements } from "@/lib/stock/remove";

import { listenerId, lockListener, ofListener, readListener, saveListener, type ListenerKey } from "./listener";
import { replayTokens } from "./replay";

/** How many recent block hashes are kept to find a common ancestor. */
export const keptBlocks = 256;

async function hashOnChain(client: PublicClient, blockNumber: bigint): Promise<string | null> {
  const block = await client.getBlock({ blockNumber }).catch((error: Error) => {
    if (error.name === "BlockNotFoundError") return null;
    throw error;
  });
  return block?.hash ?? null;
}

/** The stored block hash at `blockNumber`, if the listener kept it. */
export async function storedHash(db: Db, k: ListenerKey, blockNumber: bigint): Promise<string | null> {
  const [row] = await db
    .select({ hash: listenerBlocks.blockHash })
    .from(listenerBlocks)
    .where(and(eq(listenerBlocks.listenerId, listenerId(k)), eq(listenerBlocks.blockNumber, blockNumber)));
  return row?.hash ?? null;
}

/** True when the chain no longer has the block the checkpoint was taken at. */
export async function isForked(db: Db, client: PublicClient, k: ListenerKey, checkpoint: bigint): Promise<boolean> {
  const stored = await storedHash(db, k, checkpoint);
  return stored !== null && stored !== (await hashOnChain(client, checkpoint));
}

/** The newest kept block the chain still agrees with; before the deploy block when none is. */
export async function findAncestor(db: Db, client: PublicClient, k: ListenerKey, floor: bigint): Promise<bigint> {
  const kept = await db
    .select()
    .from(listenerBlocks)
    .where(eq(listenerBlocks.listenerId, listenerId(k)))
    .orderBy(desc(listenerBlocks.blockNumber))
    .limit(keptBlocks);
  for (const block of kept) {
    if ((await hashOnChain(client, block.blockNumber)) === block.blockHash) return block.blockNumber;
  }
  return floor;
}

/** Undoes every event after `ancestor` and moves the checkpoint back to it, in one transaction. */
export async function rollBack(
  db: Db,
  k: ListenerKey,
  checkpoint: bigint,
  ancestor: bigint,
): Promise<{ orphaned: number }> {
  return db.transaction(async (tx) => {
    await lockListener(tx, k);
    // Another process moved the checkpoint since the fork was seen: let the next step look again.
    if ((await readListener(tx, k))?.lastBlock !== checkpoint) return { orphaned: 0 };
    const orphaned = await tx
      .update(blockchainEvents)
      .set({ status: "reorged", nextAttemptAt: null })
      .where(and(ofListener(k), gt(blockchainEvents.blockNumber, ancestor), ne(blockchainEvents.status, "reorged")))
      .returning({
        id: blockchainEvents.id,
        tokenId: blockchainEvents.tokenId,
        name: blockchainEvents.name,
        txHash: blockchainEvents.txHash,
      });
    await tx
      .delete(listenerBlocks)
      .where(and(eq(listenerBlocks.listenerId, listenerId(k)), gt(listenerBlocks.blockNumber, ancestor)));
    // Their movements go with them; the triggers take their effect off holdings and stock on hand.
    await removeMovements(
      tx,
      orphaned.map((e) => e.id),
    );
    await saveListener(tx, k, { lastBlock: ancestor }, { lastBlock: ancestor });
    const tokens = [...new Set(orphaned.flatMap((e) => (e.tokenId === null ? [] : [e.tokenId])))];
    // Looked up before the replay: a batch whose creation was orphaned loses its token in it.
    const state = {
      id: batches.id,
      tokenId: batches.tokenId,
      status: batches.status,
      verificationStatus: batches.verificationStatus,
      quantityKg: batches.quantityKg,
    };
    const touched = tokens.length
      ? await tx
          .select(state)
          .from(batches)
          .where(and(eq(batches.chainId, k.chainId), inArray(batches.tokenId, tokens)))
      : [];
    await replayTokens(tx, k, tokens);
    const after = touched.length
      ? await tx
          .select(state)
          .from(batches)
          .where(
            inArray(
              batches.id,
              touched.map((b) => b.id),
            ),
          )
      : [];
    const facts = (b?: (typeof touched)[number]) =>
      b
        ? {
            token_id: b.tokenId,
            status: b.status,
            verification_status: b.verificationStatus,
            quantity_kg: b.quantityKg,
          }
        : null;
    const orphanedByToken = (t: string | null) =>
      orphaned.filter((e) => e.tokenId === t).map((e) => ({ name: e.name, tx_hash: e.txHash }));
    await recordAudit(
      tx,
      ...tokens.map((t) => {
        const row = touched.find((b) => b.tokenId === t);
        const now = after.find((b) => b.id === row?.id);
        return {
          entity: "batch",
          entityId: row?.id ?? `token:${t}`,
          batchId: row?.id ?? null,
          action: "chain.reorged",
          actor: { kind: "system" as const, id: "indexer" },
          before: facts(row),
          after: { ...facts(now), ancestor_block: ancestor.toString(), orphaned_events: orphanedByToken(t) },
        };
      }),
    );
    return { orphaned: orphaned.length };
  });
}
