// The worker's side of shipping: each queued shipment's transaction is signed and its raw bytes and
// hash recorded before it is broadcast, so a crash at any moment is followed by the very same
// transaction (same nonce, same hash), never a second one. A transaction the chain refuses fails the
// shipment and puts its reservation back; the indexer marks the rest shipped (./indexed.ts).
// Shared by the worker (plain Node) and tests, so no "server-only" here.
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import {
  BaseError,
  encodeFunctionData,
  keccak256,
  type Address,
  type Hex,
  type LocalAccount,
  type PublicClient,
} from "viem";

import { recordAudit } from "@/lib/audit/record";
import { batchTokenAbi } from "@/lib/chain/abi";
import type { Db } from "@/lib/db";
import { orderLines, reservations, returns, shipments } from "@/lib/db/schema";

export type Shipper = { client: PublicClient; account: LocalAccount; chainId: number; address: Address };
type Shipment = typeof shipments.$inferSelect;

const messageOf = (e: unknown) => (e instanceof BaseError ? e.shortMessage : (e as Error).message).split("\n")[0];
const lockKey = 7_261_130_100;

function callOf(s: Shipment): Hex {
  return s.method === "transfer"
    ? encodeFunctionData({
        abi: batchTokenAbi,
        functionName: "safeTransferFrom",
        args: [s.fromHolder as Address, s.toHolder as Address, BigInt(s.tokenId), BigInt(s.quantity), "0x"],
      })
    : encodeFunctionData({ abi: batchTokenAbi, functionName: "redeem", args: [BigInt(s.tokenId), BigInt(s.quantity)] });
}

/** Signs the shipment's transaction and records it (raw bytes, hash, nonce) before anything is sent. */
async function sign(db: Db, s: Shipment, shipper: Shipper): Promise<Shipment> {
  const request = await shipper.client.prepareTransactionRequest({
    account: shipper.account,
    chain: shipper.client.chain,
    to: shipper.address,
    data: callOf(s),
    nonce: await shipper.client.getTransactionCount({ address: shipper.account.address, blockTag: "pending" }),
  });
  const raw = await shipper.account.signTransaction(request as Parameters<LocalAccount["signTransaction"]>[0]);
  const [row] = await db
    .update(shipments)
    .set({ rawTx: raw, txHash: keccak256(raw), nonce: request.nonce, sender: shipper.account.address.toLowerCase() })
    .where(eq(shipments.id, s.id))
    .returning();
  return row;
}

/** The state a return goes back to when its intake or disposal fails, so it may be tried again. */
const returnBefore = { intake: "requested", disposal: "inspected" } as const;

/** Puts a failed shipment's reservation (or return) back, so the order may ship (or the return go on) again. */
async function fail(db: Db, s: Shipment, error: string) {
  await db.transaction(async (tx) => {
    await tx.update(shipments).set({ status: "failed", error }).where(eq(shipments.id, s.id));
    const actor = { kind: "system", id: "shipper" } as const;
    if (s.purpose === "order") {
      await tx.update(reservations).set({ status: "active" }).where(eq(reservations.id, s.reservationId!));
      const [line] = await tx.select().from(orderLines).where(eq(orderLines.id, s.orderLineId));
      await recordAudit(tx, {
        entity: "order",
        entityId: line.orderId,
        action: "order.shipment_failed",
        actor,
        txHash: s.txHash,
        note: error,
      });
      return;
    }
    const status = returnBefore[s.purpose];
    const [row] = await tx
      .update(returns)
      .set({
        status,
        updatedAt: new Date(),
        ...(s.purpose === "disposal" && {
          disposition: null,
          overridden: null,
          decidedAt: null,
          decidedBy: null,
          settlement: null,
          refund: null,
          recoveryValue: null,
        }),
      })
      .where(eq(returns.id, s.returnId!))
      .returning();
    await recordAudit(tx, {
      entity: "return",
      entityId: row.id,
      batchId: row.batchId,
      action: `return.${s.purpose}_failed`,
      actor,
      after: { status },
      txHash: s.txHash,
      note: error,
    });
  });
}

/** Sends (or sends again) one shipment and waits for its receipt. */
async function send(db: Db, s: Shipment, shipper: Shipper): Promise<void> {
  if (s.txHash) {
    const receipt = await shipper.client.getTransactionReceipt({ hash: s.txHash as Hex }).catch(() => null);
    if (receipt) return settle(db, s, receipt.status);
  }
  let row = s.rawTx
    ? s
    : await sign(db, s, shipper).catch(async (error) => {
        // The chain refuses it before it is sent (an approval withdrawn, a balance gone).
        await fail(db, s, messageOf(error));
        return null;
      });
  if (!row) return;
  try {
    await shipper.client.sendRawTransaction({ serializedTransaction: row.rawTx as Hex });
  } catch (error) {
    const message = messageOf(error);
    // Sent before a crash: the node knows it already.
    if (!/already known|nonce too low|already imported/i.test(message)) throw error;
    if (/nonce too low/i.test(message)) {
      const receipt = await shipper.client.getTransactionReceipt({ hash: row.txHash as Hex }).catch(() => null);
      if (!receipt) {
        // Its nonce went to another transaction, so this one can never land: sign it afresh.
        row = await sign(db, row, shipper);
        await shipper.client.sendRawTransaction({ serializedTransaction: row.rawTx as Hex });
      }
    }
  }
  await db
    .update(shipments)
    .set({ status: "sent", sentAt: new Date() })
    .where(and(eq(shipments.id, row.id), eq(shipments.status, "queued")));
  const receipt = await shipper.client.waitForTransactionReceipt({ hash: row.txHash as Hex, timeout: 60_000 });
  await settle(db, row, receipt.status);
}

async function settle(db: Db, s: Shipment, status: "success" | "reverted") {
  if (status === "reverted") return fail(db, s, `the shipment's transaction ${s.txHash} reverted`);
  await db
    .update(shipments)
    .set({ status: "sent", sentAt: sql`coalesce(${shipments.sentAt}, now())` })
    .where(and(eq(shipments.id, s.id), eq(shipments.status, "queued")));
}

/** Sends every queued shipment, one sender at a time across workers. Returns how many it handled. */
export async function shipQueued(db: Db, shipper: Shipper): Promise<number> {
  return db.transaction(async (tx) => {
    const { rows } = await tx.execute<{ ok: boolean }>(sql`select pg_try_advisory_xact_lock(${lockKey}) as ok`);
    if (!rows[0].ok) return 0;
    const open = await db
      .select()
      .from(shipments)
      .where(inArray(shipments.status, ["queued", "sent"]))
      .orderBy(asc(shipments.id));
    // A sent one is looked at again: it waits for the indexer, or its transaction is sent again if it never landed.
    for (const s of open) await send(db, s, shipper);
    return open.filter((s) => s.status === "queued").length;
  });
}
