// The indexer's side of the shipping wallet's transactions, in the events' own transaction: an
// order's shipment enters the ledger as `shipped` (its reservation ends as shipped, the order is
// shipped once every line's shipment is indexed); a return's intake enters it as `returned`, at the
// warehouse that receives it (the return is then received); a returned lot's disposal (to its
// producer, or a redemption) is an ordinary transfer or redemption and closes the return.
import { and, eq, inArray, sql } from "drizzle-orm";

import { recordAudit, statusChange } from "@/lib/audit/record";
import type { Tx } from "@/lib/db";
import { orderLines, orders, reservations, returns, shipments } from "@/lib/db/schema";
import type { Booking } from "@/lib/stock/apply-event";

type Shipment = typeof shipments.$inferSelect;
const indexer = { kind: "system", id: "indexer" } as const;

/** The transactions among these events that the shipping wallet sent and the indexer has yet to see, with how the ledger books each. */
export async function shipmentTxs(tx: Tx, txHashes: string[]): Promise<Map<string, Booking>> {
  if (!txHashes.length) return new Map();
  const rows = await tx
    .select({ txHash: shipments.txHash, purpose: shipments.purpose, warehouse: returns.warehouse })
    .from(shipments)
    .leftJoin(returns, eq(returns.id, shipments.returnId))
    .where(and(inArray(shipments.txHash, [...new Set(txHashes)]), inArray(shipments.status, ["queued", "sent"])));
  return new Map(
    rows.map((r) => [
      r.txHash!,
      r.purpose === "order"
        ? { type: "shipped" }
        : r.purpose === "intake"
          ? { type: "returned", warehouse: r.warehouse ?? undefined }
          : {},
    ]),
  );
}

export async function markIndexed(tx: Tx, txs: Map<string, Booking>): Promise<void> {
  if (!txs.size) return;
  const done = await tx
    .update(shipments)
    .set({ status: "indexed", indexedAt: new Date(), sentAt: sql`coalesce(${shipments.sentAt}, now())` })
    .where(and(inArray(shipments.txHash, [...txs.keys()]), inArray(shipments.status, ["queued", "sent"])))
    .returning();
  await markOrders(
    tx,
    done.filter((s) => s.purpose === "order"),
  );
  for (const s of done.filter((s) => s.purpose !== "order")) await markReturn(tx, s);
}

/** A return's intake indexed: received; its disposal indexed: closed. */
async function markReturn(tx: Tx, s: Shipment) {
  const [from, to] = s.purpose === "intake" ? (["receiving", "received"] as const) : (["deciding", "closed"] as const);
  const at = new Date();
  const [row] = await tx
    .update(returns)
    .set({ status: to, updatedAt: at, ...(to === "received" ? { receivedAt: at } : { closedAt: at }) })
    .where(and(eq(returns.id, s.returnId!), eq(returns.status, from)))
    .returning();
  if (row)
    await recordAudit(tx, {
      entity: "return",
      entityId: row.id,
      batchId: row.batchId,
      action: `return.${to}`,
      actor: indexer,
      ...statusChange(from, to, { warehouse: row.warehouse }),
      txHash: s.txHash,
    });
}

async function markOrders(tx: Tx, done: Shipment[]) {
  if (!done.length) return;
  await tx
    .update(reservations)
    .set({ status: "shipped", endedAt: new Date() })
    .where(
      inArray(
        reservations.id,
        done.map((s) => s.reservationId!),
      ),
    );
  const lines = await tx
    .select({ id: orderLines.id, orderId: orderLines.orderId })
    .from(orderLines)
    .where(
      inArray(
        orderLines.id,
        done.map((s) => s.orderLineId),
      ),
    );
  const orderOf = new Map(lines.map((l) => [l.id, l.orderId]));
  for (const orderId of [...new Set(lines.map((l) => l.orderId))].sort((a, b) => a - b)) {
    // Shipped once no line waits for its shipment any more.
    const [order] = await tx
      .update(orders)
      .set({ status: "shipped", shippedAt: new Date(), updatedAt: new Date() })
      .where(
        and(
          eq(orders.id, orderId),
          eq(orders.status, "reserved"),
          sql`not exists (select 1 from order_lines l where l.order_id = ${orderId}
            and not exists (select 1 from shipments s where s.order_line_id = l.id and s.purpose = 'order' and s.status = 'indexed'))`,
        ),
      )
      .returning();
    if (order)
      await recordAudit(tx, {
        entity: "order",
        entityId: orderId,
        action: "order.shipped",
        actor: indexer,
        ...statusChange("reserved", "shipped", {
          transactions: done.filter((s) => orderOf.get(s.orderLineId) === orderId).map((s) => s.txHash),
        }),
      });
  }
}
