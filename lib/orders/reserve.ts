// Reservations: what a confirmed order holds of each batch. available = for sale (what holders other
// than buyers hold) − reserved − in transit, per batch and, when a line names one, per warehouse.
// Reserving takes a lock per batch, so concurrent orders are answered one at a time and the sum
// reserved never passes what is available. Each reservation and its end is booked in the ledger.
import { and, eq, inArray, lte, sql, type SQL } from "drizzle-orm";

import { ApiError } from "@/lib/api/errors";
import { recordAudit, statusChange, type Actor } from "@/lib/audit/record";
import { stockFigures } from "@/lib/batches/stock";
import { gramsToKg } from "@/lib/chain/units";
import type { Db, Tx } from "@/lib/db";
import { inStockStatuses } from "@/lib/db/enums";
import { batches, orderLines, orders, reservations, stockMovements } from "@/lib/db/schema";

/** What is for sale, promised and left of a batch (at a warehouse, when given), in grams. */
export const availability = async (tx: Db | Tx, batchId: number, warehouse: string | null) =>
  (await stockFigures(tx, [batchId], warehouse)).get(batchId)!;

const lockBatch = (tx: Tx, batchId: number) =>
  tx.execute(sql`select pg_advisory_xact_lock(hashtextextended('reserve', ${batchId}))`);

type Line = typeof orderLines.$inferSelect;

/**
 * Reserves every line of an order until `expiresAt`, or refuses the first line that does not fit
 * with a 409 naming what is available; the caller's transaction then rolls all of it back.
 */
export async function reserveLines(tx: Tx, orderId: number, lines: Line[], expiresAt: Date, actor: Actor) {
  // Batches in one order, so two orders never wait on each other's locks.
  const sorted = [...lines].sort((a, b) => a.batchId - b.batchId);
  for (const line of sorted) await lockBatch(tx, line.batchId);
  await expireDue(
    tx,
    sorted.map((l) => l.batchId),
  );
  for (const line of sorted) {
    const [batch] = await tx
      .select({ code: batches.batchCode, status: batches.status, chainId: batches.chainId, tokenId: batches.tokenId })
      .from(batches)
      .where(eq(batches.id, line.batchId));
    if (!(inStockStatuses as readonly string[]).includes(batch.status) || batch.tokenId === null)
      throw new ApiError("rule_broken", `Batch ${batch.code} is ${batch.status}: it cannot be reserved.`, {
        batch_id: line.batchId,
        status: batch.status,
      });
    const wanted = BigInt(line.quantity);
    const checks = [await availability(tx, line.batchId, null)];
    if (line.warehouse) checks.push(await availability(tx, line.batchId, line.warehouse));
    const short = checks.find((c) => c.available < wanted);
    if (short) {
      const where = short === checks[0] ? "" : ` at ${line.warehouse}`;
      throw new ApiError(
        "conflict",
        `Batch ${batch.code} has ${gramsToKg(short.available)} kg available${where}, less than the ${gramsToKg(wanted)} kg ordered.`,
        {
          batch_id: line.batchId,
          warehouse: where ? line.warehouse : null,
          available_kg: gramsToKg(short.available),
          requested_kg: gramsToKg(wanted),
        },
      );
    }
    const [reservation] = await tx
      .insert(reservations)
      .values({
        orderLineId: line.id,
        batchId: line.batchId,
        warehouse: line.warehouse,
        quantity: line.quantity,
        expiresAt,
      })
      .returning();
    await tx.insert(stockMovements).values({
      chainId: batch.chainId!,
      tokenId: batch.tokenId,
      type: "reserved",
      quantity: line.quantity,
      fromWarehouse: line.warehouse,
      reservationId: reservation.id,
      note: `order ${orderId}`,
      actor: actorText(actor),
    });
  }
}

const actorText = (actor: Actor) => (actor.id ? `${actor.kind}:${actor.id}` : actor.kind);

/**
 * Ends held reservations (`released` on cancel, `expired` when their time ran out), each booked
 * back in the ledger. Returns the order ids they belonged to.
 */
async function endReservations(tx: Tx, where: SQL, status: "released" | "expired", actor: Actor): Promise<number[]> {
  const ended = await tx
    .update(reservations)
    .set({ status, endedAt: new Date() })
    .where(and(eq(reservations.status, "active"), where))
    .returning();
  if (!ended.length) return [];
  const lines = await tx
    .select({ id: orderLines.id, orderId: orderLines.orderId, chainId: batches.chainId, tokenId: batches.tokenId })
    .from(orderLines)
    .innerJoin(batches, eq(batches.id, orderLines.batchId))
    .where(
      inArray(
        orderLines.id,
        ended.map((r) => r.orderLineId),
      ),
    );
  const lineOf = new Map(lines.map((l) => [l.id, l]));
  await tx.insert(stockMovements).values(
    ended.map((r) => {
      const line = lineOf.get(r.orderLineId)!;
      return {
        chainId: line.chainId!,
        tokenId: line.tokenId!,
        type: "released" as const,
        quantity: r.quantity,
        toWarehouse: r.warehouse,
        reservationId: r.id,
        note: `order ${line.orderId}${status === "expired" ? ", expired" : ""}`,
        actor: actorText(actor),
      };
    }),
  );
  return [...new Set(lines.map((l) => l.orderId))];
}

/** Releases an order's held reservations (a cancel). */
export const releaseOrder = (tx: Tx, orderId: number, actor: Actor) =>
  endReservations(
    tx,
    sql`${reservations.orderLineId} in (select id from order_lines where order_id = ${orderId})`,
    "released",
    actor,
  );

/**
 * Expires what is due (of these batches, or all): an order whose reservations ran out before it
 * shipped is confirmed again, every line released, to be reserved anew.
 */
export async function expireDue(tx: Tx, batchIds?: number[]): Promise<number> {
  const system: Actor = { kind: "system", id: "reservations" };
  const due = await tx
    .select({ orderId: orderLines.orderId })
    .from(reservations)
    .innerJoin(orderLines, eq(orderLines.id, reservations.orderLineId))
    .where(
      and(
        eq(reservations.status, "active"),
        lte(reservations.expiresAt, new Date()),
        batchIds ? inArray(reservations.batchId, batchIds) : undefined,
      ),
    );
  const orderIds = [...new Set(due.map((d) => d.orderId))].sort((a, b) => a - b);
  if (!orderIds.length) return 0;
  // Only orders still waiting to ship: one whose shipment is under way keeps its stock.
  const waiting = await tx
    .select({ id: orders.id })
    .from(orders)
    .where(
      and(
        inArray(orders.id, orderIds),
        eq(orders.status, "reserved"),
        sql`not exists (select 1 from shipments s join order_lines l on l.id = s.order_line_id where l.order_id = ${orders.id})`,
      ),
    )
    .orderBy(orders.id)
    .for("update", { skipLocked: true });
  for (const { id } of waiting) {
    await endReservations(
      tx,
      sql`${reservations.orderLineId} in (select id from order_lines where order_id = ${id})`,
      "expired",
      system,
    );
    await tx.update(orders).set({ status: "confirmed", updatedAt: new Date() }).where(eq(orders.id, id));
    await recordAudit(tx, {
      entity: "order",
      entityId: id,
      action: "order.reservation_expired",
      actor: system,
      ...statusChange("reserved", "confirmed"),
    });
  }
  return waiting.length;
}
