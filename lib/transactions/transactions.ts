// Transactions the app's pages send (a mint, mark verified, a Chainlink check), followed to the end:
// mined or reverted with the gas used, replaced by another transaction with the same nonce, or
// dropped. A mint that did not make it sends its draft back to being a draft, with the reason.
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import type { Hex, PublicClient } from "viem";

import { recordAudit, statusChange, type Actor } from "@/lib/audit/record";
import type { Db, Tx } from "@/lib/db";
import { transactionKinds } from "@/lib/db/enums";
import { listOfBatch } from "@/lib/db/of-batch";
import { batches, blockchainTransactions } from "@/lib/db/schema";
import { rowJson } from "@/lib/json";

export const SYNC_ACTOR: Actor = { kind: "system", id: "sync" };

/** A transaction nobody has seen for this long, and whose nonce is not used, was dropped. */
export const dropAfterMs = 10 * 60_000;

type Kind = (typeof transactionKinds)[number];
type Transaction = typeof blockchainTransactions.$inferSelect;

/** Starts following a transaction (once: the same hash again changes nothing). */
export async function trackTransaction(
  db: Db | Tx,
  t: { chainId: number; txHash: Hex; kind: Kind; batchId?: number | null; from?: string | null },
) {
  await db
    .insert(blockchainTransactions)
    .values({
      chainId: t.chainId,
      txHash: t.txHash.toLowerCase(),
      kind: t.kind,
      batchId: t.batchId ?? null,
      fromAddress: t.from?.toLowerCase() ?? null,
    })
    .onConflictDoNothing();
}

/** Drafts whose mint was sent before transactions were tracked are followed too (each sync adds them). */
export async function trackPendingMints(db: Db, chainId: number) {
  await db.execute(sql`insert into blockchain_transactions (chain_id, tx_hash, kind, batch_id)
    select chain_id, lower(mint_tx_hash), 'mint', id from batches
    where chain_id = ${chainId} and status = 'pending_mint' and token_id is null and mint_tx_hash is not null
    on conflict (chain_id, tx_hash) do nothing`);
}

type Outcome = {
  status: "pending" | "mined" | "reverted" | "replaced" | "dropped";
  gasUsed?: bigint;
  blockNumber?: bigint;
  from?: string;
  nonce?: number;
};

async function outcomeOf(client: PublicClient, t: Transaction, now: number): Promise<Outcome> {
  const hash = t.txHash as Hex;
  const mined = async (): Promise<Outcome | null> => {
    const receipt = await client
      .getTransactionReceipt({ hash })
      .catch((e: Error) => (e.name === "TransactionReceiptNotFoundError" ? null : Promise.reject(e)));
    return (
      receipt && {
        status: receipt.status === "success" ? "mined" : "reverted",
        gasUsed: receipt.gasUsed,
        blockNumber: receipt.blockNumber,
        from: receipt.from,
      }
    );
  };
  const first = await mined();
  if (first) return first;
  const pending = await client
    .getTransaction({ hash })
    .catch((e: Error) => (e.name === "TransactionNotFoundError" ? null : Promise.reject(e)));
  if (pending) return { status: "pending", from: pending.from, nonce: pending.nonce };
  // Gone from the node: its nonce used by another transaction means it was replaced. It may also
  // have been mined a moment ago, between the calls: look once more before saying it never was.
  let gone: Outcome | null = null;
  if (
    t.fromAddress &&
    t.nonce !== null &&
    (await client.getTransactionCount({ address: t.fromAddress as Hex, blockTag: "latest" })) > t.nonce
  )
    gone = { status: "replaced" };
  else if (now - t.createdAt.getTime() > dropAfterMs) gone = { status: "dropped" };
  return gone ? ((await mined()) ?? gone) : { status: "pending" };
}

const mintFailure: Partial<Record<Outcome["status"], string>> = {
  reverted: "The mint transaction reverted on chain; the batch is a draft again.",
  replaced:
    "The mint transaction was replaced by another with the same nonce that did not create this batch; the batch is a draft again.",
  dropped: "The mint transaction was dropped without being mined; the batch is a draft again.",
};

/** Looks at every pending transaction once; returns how many reached an end. */
export async function followTransactions(
  db: Db,
  client: PublicClient,
  chainId: number,
  now = Date.now(),
): Promise<number> {
  const pending = await db
    .select()
    .from(blockchainTransactions)
    .where(and(eq(blockchainTransactions.chainId, chainId), eq(blockchainTransactions.status, "pending")))
    .orderBy(asc(blockchainTransactions.id))
    .limit(500);
  let settled = 0;
  for (const t of pending) {
    const o = await outcomeOf(client, t, now);
    await db.transaction(async (tx) => {
      // Only from pending: another follower (a sync, a second worker) may have settled it already.
      const [changed] = await tx
        .update(blockchainTransactions)
        .set({
          status: o.status,
          gasUsed: o.gasUsed?.toString() ?? null,
          blockNumber: o.blockNumber?.toString() ?? null,
          fromAddress: o.from?.toLowerCase() ?? t.fromAddress,
          nonce: o.nonce ?? t.nonce,
          updatedAt: new Date(),
        })
        .where(and(eq(blockchainTransactions.id, t.id), eq(blockchainTransactions.status, "pending")))
        .returning({ id: blockchainTransactions.id });
      const reason = changed && t.kind === "mint" && t.batchId ? mintFailure[o.status] : undefined;
      if (!reason) return;
      // Only a draft still waiting for this transaction goes back; a batch on chain stays as it is.
      const [draft] = await tx
        .update(batches)
        .set({ status: "draft", syncError: reason, updatedAt: new Date() })
        .where(
          and(
            eq(batches.id, t.batchId!),
            isNull(batches.tokenId),
            eq(batches.status, "pending_mint"),
            sql`lower(${batches.mintTxHash}) = ${t.txHash}`,
          ),
        )
        .returning({ id: batches.id });
      if (draft)
        await recordAudit(tx, {
          entity: "batch",
          entityId: draft.id,
          batchId: draft.id,
          action: "batch.mint_failed",
          actor: SYNC_ACTOR,
          ...statusChange("pending_mint", "draft", { reason }),
          txHash: t.txHash,
        });
    });
    if (o.status !== "pending") settled++;
  }
  return settled;
}

export function toTransactionJson(t: Transaction) {
  return rowJson(t, [
    "txHash",
    "kind",
    "batchId",
    "fromAddress",
    "nonce",
    "status",
    "gasUsed",
    "blockNumber",
    "createdAt",
    "updatedAt",
  ]);
}

export type TransactionJson = ReturnType<typeof toTransactionJson>;

/** The transactions sent for a batch from the app's pages, newest first. */
export async function listTransactions(db: Db, batchId: number, limit = 20): Promise<TransactionJson[]> {
  return (await listOfBatch(db, blockchainTransactions, batchId, { limit })).map(toTransactionJson);
}
