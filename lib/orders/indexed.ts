// The indexer's side of shipping, in the events' own transaction: a shipment's transfer (or
// redemption) enters the ledger as `shipped`, its reservation ends as shipped, and the order is
// shipped once every line's shipment is indexed.
import { and, eq, inArray, sql } from "drizzle-orm";

import { recordAudit } from "@/lib/audit/record";
import type { Tx } from "@/lib/db";
import { orderLines, orders, reservations, shipments } from "@/lib/db/schema";

/** The transactions among these events that are shipments still waiting for the indexer. */
export async function shipmentTxs(tx: Tx, txHashes: string[]): Promise<Set<string>> {
  if (!txHashes.length) return new Set();
  const rows = await tx
    .select({ txHash: shipments.txHash })
    .from(shipments)
    .where(and(inArray(shipments.txHash, [...new Set(txHashes)]), inArray(shipments.status, ["queued", "sent"])));
  return new Set(rows.map((r) => r.txHash!));
}

export async function markShipped(tx: Tx, txHashes: Set<string>): Promise<void> {
  if (!txHashes.size) return;
  const done = await tx
    .update(shipments)
    .set({ status: "indexed", indexedAt: new Date(), sentAt: sql`coalesce(${shipments.sentAt}, now())` })
    .where(and(inArray(shipments.txHash, [...txHashes]), inArray(shipments.status, ["queued", "sent"])))
    .returning();
  if (!done.length) return;
  await tx
    .update(reservations)
    .set({ status: "shipped", endedAt: new Date() })
    .where(
      inArray(
        reservations.id,
        done.map((s) => s.reservationId),
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
            and not exists (select 1 from shipments s where s.order_line_id = l.id and s.status = 'indexed'))`,
        ),
      )
      .returning();
    if (order)
      await recordAudit(tx, {
        entity: "order",
        entityId: orderId,
        action: "order.shipped",
        actor: { kind: "system", id: "indexer" },
        before: { status: "reserved" },
        after: {
          status: "shipped",
          transactions: done.filter((s) => orderOf.get(s.orderLineId) === orderId).map((s) => s.txHash),
        },
      });
  }
}
