// An order's flow: draft → confirmed → reserved → shipped → delivered, cancelled from any state
// before shipping, refunded after. Each step checks the state it leaves (409 when it does not
// apply), is audited, and commits with its reservations and ledger bookings.
import { and, eq, inArray } from "drizzle-orm";
import type { Address } from "viem";

import { ApiError } from "@/lib/api/errors";
import { recordAudit, statusChange, type Actor } from "@/lib/audit/record";
import type { ChainHandle } from "@/lib/chain/server";
import type { Db, Tx } from "@/lib/db";
import type { orderStatuses } from "@/lib/db/enums";
import { orderLines, orders, shipments } from "@/lib/db/schema";

import { releaseOrder, reserveLines } from "./reserve";
import type { OrderAction } from "./schemas";
import { planShipments } from "./ship-plan";

type Order = typeof orders.$inferSelect;
type Status = (typeof orderStatuses)[number];

/** The states each action leaves from, and the one it reaches (ship reaches `shipped` once indexed). */
const flow: Record<OrderAction, { from: Status[]; to: Status }> = {
  confirm: { from: ["draft"], to: "reserved" },
  reserve: { from: ["confirmed"], to: "reserved" },
  ship: { from: ["reserved"], to: "reserved" },
  deliver: { from: ["shipped"], to: "delivered" },
  cancel: { from: ["draft", "confirmed", "reserved"], to: "cancelled" },
  refund: { from: ["shipped", "delivered"], to: "refunded" },
};

/** Each action as its audit record and its refusal name it. */
const done: Record<OrderAction, string> = {
  confirm: "confirmed",
  reserve: "reserved",
  ship: "shipped",
  deliver: "delivered",
  cancel: "cancelled",
  refund: "refunded",
};

function expect(order: Order, action: OrderAction) {
  const { from } = flow[action];
  if (!from.includes(order.status))
    throw new ApiError(
      "conflict",
      `Order ${order.id} is ${order.status}: it cannot be ${done[action]} (only when ${from.join(" or ")}).`,
      { status: order.status, allowed_from: from },
    );
}

const hoursFromNow = (hours: number) => new Date(Date.now() + hours * 3_600_000);

/** The column that records when an order reached each state. */
const reachedAt: Partial<Record<Status, "confirmedAt" | "shippedAt" | "deliveredAt" | "cancelledAt" | "refundedAt">> = {
  confirmed: "confirmedAt",
  shipped: "shippedAt",
  delivered: "deliveredAt",
  cancelled: "cancelledAt",
  refunded: "refundedAt",
};

async function setStatus(tx: Tx, order: Order, to: Status, actor: Actor, note?: string) {
  const at = new Date();
  const column = reachedAt[to];
  await tx
    .update(orders)
    .set({ status: to, updatedAt: at, ...(column && { [column]: at }) })
    .where(eq(orders.id, order.id));
  await recordAudit(tx, {
    entity: "order",
    entityId: order.id,
    action: `order.${to}`,
    actor,
    ...statusChange(order.status, to),
    note,
  });
  return { ...order, status: to };
}

async function reserve(tx: Tx, order: Order, actor: Actor, holdHours: number) {
  const lines = await tx.select().from(orderLines).where(eq(orderLines.orderId, order.id));
  await reserveLines(tx, order.id, lines, hoursFromNow(holdHours), actor);
  return setStatus(tx, order, "reserved", actor);
}

/** Confirms a draft and reserves its lines; a line that does not fit refuses all of it (409). */
export async function confirmOrder(tx: Tx, order: Order, actor: Actor, holdHours: number) {
  expect(order, "confirm");
  return reserve(tx, await setStatus(tx, order, "confirmed", actor), actor, holdHours);
}

export type TransitionDeps = { holdHours: number; chain: ChainHandle; shipper: Address | null };

/** Runs one action on a locked order row. */
export async function runAction(
  tx: Tx,
  order: Order,
  action: OrderAction,
  actor: Actor,
  note: string | undefined,
  deps: TransitionDeps,
): Promise<void> {
  expect(order, action);
  switch (action) {
    case "confirm":
      await confirmOrder(tx, order, actor, deps.holdHours);
      return;
    case "reserve":
      await reserve(tx, order, actor, deps.holdHours);
      return;
    case "ship": {
      const open = await openShipments(tx, order.id);
      if (open.length)
        throw new ApiError("conflict", `Order ${order.id} is already being shipped.`, { status: order.status });
      await planShipments(tx, order, deps.chain, deps.shipper);
      await recordAudit(tx, { entity: "order", entityId: order.id, action: "order.shipping", actor, note });
      return;
    }
    case "cancel": {
      if ((await openShipments(tx, order.id)).length)
        throw new ApiError("conflict", `Order ${order.id} is being shipped: it can no longer be cancelled.`, {
          status: order.status,
        });
      await releaseOrder(tx, order.id, actor);
      await setStatus(tx, order, "cancelled", actor, note);
      return;
    }
    default:
      await setStatus(tx, order, flow[action].to, actor, note);
  }
}

const openShipments = (tx: Db | Tx, orderId: number) =>
  tx
    .select({ id: shipments.id })
    .from(shipments)
    .innerJoin(orderLines, eq(orderLines.id, shipments.orderLineId))
    .where(
      and(
        eq(orderLines.orderId, orderId),
        eq(shipments.purpose, "order"),
        inArray(shipments.status, ["queued", "sent", "indexed"]),
      ),
    );
