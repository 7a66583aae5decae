// Shipping an order, planned: for each line, a holder the shipping wallet may send for (itself, or a
// holder that approved it) with enough of the batch, and the buyer's delivery wallet to send to
// (or a redemption, for a buyer without one). The plan is recorded as queued shipments, the
// reservations move to `shipping` (in transit); the worker sends them (./ship.ts).
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Address } from "viem";

import { ApiError } from "@/lib/api/errors";
import { batchTokenAbi } from "@/lib/chain/abi";
import type { ChainHandle } from "@/lib/chain/server";
import { gramsToKg } from "@/lib/chain/units";
import type { Tx } from "@/lib/db";
import {
  batches,
  orderLines,
  orders,
  organisations,
  organisationWallets,
  reservations,
  shipments,
} from "@/lib/db/schema";

type Order = typeof orders.$inferSelect;

/** The buyer's delivery wallet, when it still belongs to the buyer; null: the buyer has none. */
async function deliveryWallet(tx: Tx, buyerId: number): Promise<string | null> {
  const [row] = await tx
    .select({ wallet: organisations.deliveryWallet, owner: organisationWallets.organisationId })
    .from(organisations)
    .leftJoin(organisationWallets, eq(organisationWallets.address, organisations.deliveryWallet))
    .where(eq(organisations.id, buyerId));
  if (row?.wallet && row.owner !== buyerId)
    throw new ApiError(
      "rule_broken",
      `The buyer's delivery wallet ${row.wallet} no longer belongs to it; set another.`,
    );
  return row?.wallet ?? null;
}

/**
 * Holders of the batch with at least `grams` free of shipments under way (at the warehouse, when
 * given), largest first; buyers' wallets hold nothing for sale, and the shipping wallet's returned
 * coffee awaiting its disposition is not for sale either.
 */
async function candidates(tx: Tx, batchId: number, warehouse: string | null, grams: string, shipper: string) {
  const { rows } = await tx.execute<{ holder: string }>(sql`
    select s.holder from batches b
      join warehouse_stock s on s.chain_id = b.chain_id and s.token_id = b.token_id
    where b.id = ${batchId} and (${warehouse}::text is null or s.warehouse = ${warehouse}) and not is_buyer_wallet(s.holder)
    group by s.holder, b.chain_id, b.token_id
    having sum(s.balance) - shipping_from(b.chain_id, b.token_id, s.holder)
      - case when s.holder = ${shipper} then batch_returns_held(${batchId}, ${warehouse}::text) else 0 end >= ${grams}::numeric
    order by sum(s.balance) desc, s.holder`);
  return rows.map((r) => r.holder);
}

export async function planShipments(tx: Tx, order: Order, chain: ChainHandle, shipper: Address | null) {
  if (!shipper)
    throw new ApiError("unavailable", "Orders cannot ship: no shipping wallet is configured (SHIPPER_PRIVATE_KEY).");
  const to = await deliveryWallet(tx, order.buyerId);
  const lines = await tx
    .select({ line: orderLines, code: batches.batchCode, tokenId: batches.tokenId, chainId: batches.chainId })
    .from(orderLines)
    .innerJoin(batches, eq(batches.id, orderLines.batchId))
    .where(eq(orderLines.orderId, order.id))
    .orderBy(orderLines.id);
  const held = await tx
    .select()
    .from(reservations)
    .where(
      and(
        inArray(
          reservations.orderLineId,
          lines.map((l) => l.line.id),
        ),
        eq(reservations.status, "active"),
      ),
    );
  const me = shipper.toLowerCase();
  for (const { line, code, tokenId, chainId } of lines) {
    const reservation = held.find((r) => r.orderLineId === line.id);
    if (!reservation)
      throw new ApiError("conflict", `Order ${order.id}'s reservation of batch ${code} has ended; reserve it again.`);
    const holders = await candidates(tx, line.batchId, line.warehouse, line.quantity, me);
    let from = holders.includes(me) ? me : null;
    // A buyer without a delivery wallet is shipped by redeeming, which the shipping wallet does for its own stock only.
    if (!from && to)
      for (const holder of holders) {
        const approved = await chain.client.readContract({
          address: chain.address,
          abi: batchTokenAbi,
          functionName: "isApprovedForAll",
          args: [holder as Address, shipper],
        });
        if (approved) {
          from = holder;
          break;
        }
      }
    if (!from)
      throw new ApiError(
        "rule_broken",
        to
          ? `No holder of batch ${code} with ${gramsToKg(BigInt(line.quantity))} kg${line.warehouse ? ` at ${line.warehouse}` : ""} has approved the shipping wallet ${me} (setApprovalForAll), and it holds too little itself.`
          : `The buyer has no delivery wallet, so batch ${code} ships by redemption, which needs ${gramsToKg(BigInt(line.quantity))} kg held by the shipping wallet ${me} itself.`,
        { batch_id: line.batchId, shipper: me },
      );
    await tx.insert(shipments).values({
      orderLineId: line.id,
      reservationId: reservation.id,
      chainId: chainId!,
      tokenId: tokenId!,
      quantity: line.quantity,
      method: to ? "transfer" : "redeem",
      fromHolder: from,
      toHolder: to,
    });
  }
  await tx
    .update(reservations)
    .set({ status: "shipping" })
    .where(
      inArray(
        reservations.id,
        held.map((r) => r.id),
      ),
    );
}
