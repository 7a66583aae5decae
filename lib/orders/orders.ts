// Orders: created (once per idempotency key), listed and read within the caller's scope. A buyer's
// members see their organisation's orders; the operating company's staff see all.
import "server-only";

import { createHash } from "node:crypto";
import { and, desc, eq, inArray, sql, type SQL } from "drizzle-orm";

import { beforeCursor, everyPage, pageByIdDesc } from "@/lib/api/cursor";
import { ApiError } from "@/lib/api/errors";
import { filterBy } from "@/lib/api/filters";
import { canonical } from "@/lib/audit/content";
import { entityHistory } from "@/lib/audit/history";
import { recordAudit, type Actor } from "@/lib/audit/record";
import type { Scope } from "@/lib/auth/scope";
import { ownedInScope } from "@/lib/batches/scope";
import { gramsToKg, kgToGrams } from "@/lib/chain/units";
import type { Db, Tx } from "@/lib/db";
import { onDays } from "@/lib/db/days";
import { buyerKinds } from "@/lib/db/enums";
import { oneRow } from "@/lib/db/one-row";
import {
  batches,
  orderLines,
  orders,
  organisationAddresses,
  organisations,
  reservations,
  shipments,
  warehouses,
} from "@/lib/db/schema";

import { availability } from "./reserve";
import type { NewOrder, OrderAction, OrderQuery } from "./schemas";
import { confirmOrder, runAction, type TransitionDeps } from "./transitions";

type Order = typeof orders.$inferSelect;

/** The orders a scope sees: all for staff, its own for a buyer's members, none for anyone else. */
export const ordersInScope = (scope: Scope) => ownedInScope(scope, orders.buyerId);

/** An order outside the scope is answered as missing. */
export async function getOrderRow(db: Db | Tx, scope: Scope, id: number, lock = false): Promise<Order> {
  const inScope = and(eq(orders.id, id), ordersInScope(scope));
  return oneRow(db.select().from(orders).where(inScope), lock, `Order ${id} does not exist.`);
}

const requestHash = (input: NewOrder) =>
  createHash("sha256")
    .update(canonical({ ...input, idempotency_key: undefined }))
    .digest("hex");

/** The buyer, its address and the lines' batches and warehouses exist and fit; else 422 naming the field. */
async function checkOrder(tx: Tx, input: NewOrder) {
  const [buyer] = await tx.select().from(organisations).where(eq(organisations.id, input.buyer_id));
  if (!buyer || !(buyerKinds as readonly string[]).includes(buyer.kind))
    throw new ApiError(
      "rule_broken",
      `buyer_id: organisation ${input.buyer_id} is not a buyer (an importer or roaster).`,
      [{ path: "buyer_id", message: "is not a buyer" }],
    );
  if (input.delivery_address_id !== undefined) {
    const ofBuyer = and(
      eq(organisationAddresses.id, input.delivery_address_id),
      eq(organisationAddresses.organisationId, buyer.id),
    );
    const [address] = await tx.select({ id: organisationAddresses.id }).from(organisationAddresses).where(ofBuyer);
    if (!address)
      throw new ApiError("rule_broken", `delivery_address_id: is not one of ${buyer.name}'s addresses.`, [
        { path: "delivery_address_id", message: "is not one of the buyer's addresses" },
      ]);
  }
  const ids = input.lines.map((l) => l.batch_id);
  const found = await tx
    .select({ id: batches.id, tokenId: batches.tokenId })
    .from(batches)
    .where(inArray(batches.id, ids));
  const codes = new Set((await tx.select({ code: warehouses.code }).from(warehouses)).map((w) => w.code));
  input.lines.forEach((line, i) => {
    const batch = found.find((b) => b.id === line.batch_id);
    if (!batch || batch.tokenId === null)
      throw new ApiError("rule_broken", `lines.${i}.batch_id: batch ${line.batch_id} is not a minted batch.`, [
        { path: `lines.${i}.batch_id`, message: "is not a minted batch" },
      ]);
    if (line.warehouse && !codes.has(line.warehouse))
      throw new ApiError("rule_broken", `lines.${i}.warehouse: no warehouse ${line.warehouse}.`, [
        { path: `lines.${i}.warehouse`, message: "is not a warehouse" },
      ]);
  });
}

/**
 * Creates a draft order (and confirms it at once when asked). A retry with the same idempotency key
 * answers the first order; the same key with a different order is refused.
 */
export async function createOrder(
  db: Db,
  input: NewOrder,
  by: { actor: Actor; userId: number | null; holdHours: number },
): Promise<{ id: number; created: boolean }> {
  const hash = requestHash(input);
  const earlier = async (tx: Db | Tx) => {
    if (input.idempotency_key === undefined) return null;
    const [row] = await tx.select().from(orders).where(eq(orders.idempotencyKey, input.idempotency_key));
    if (row && row.requestHash !== hash)
      throw new ApiError(
        "conflict",
        "idempotency_key: was already used for a different order; use a new key for a new order.",
        [{ path: "idempotency_key", message: "already used for a different order" }],
      );
    return row ?? null;
  };
  const first = await earlier(db);
  if (first) return { id: first.id, created: false };
  const id = await db.transaction(async (tx) => {
    await checkOrder(tx, input);
    const [order] = await tx
      .insert(orders)
      .values({
        buyerId: input.buyer_id,
        currency: input.currency,
        deliveryAddressId: input.delivery_address_id,
        note: input.note,
        idempotencyKey: input.idempotency_key,
        requestHash: input.idempotency_key === undefined ? null : hash,
        createdBy: by.userId,
      })
      .onConflictDoNothing({ target: orders.idempotencyKey })
      .returning();
    // The same key committed by a concurrent retry a moment ago.
    if (!order) return null;
    await tx.insert(orderLines).values(
      input.lines.map((l) => ({
        orderId: order.id,
        batchId: l.batch_id,
        warehouse: l.warehouse,
        quantity: kgToGrams(l.quantity_kg).toString(),
        pricePerKg: l.price_per_kg,
      })),
    );
    await recordAudit(tx, {
      entity: "order",
      entityId: order.id,
      action: "order.created",
      actor: by.actor,
      after: { ...input, idempotency_key: undefined, confirm: undefined },
    });
    if (input.confirm) await confirmOrder(tx, order, by.actor, by.holdHours);
    return order.id;
  });
  if (id !== null) return { id, created: true };
  return { id: (await earlier(db))!.id, created: false };
}

/** A line's amount: kilograms times the price per kg, to the cent (SQL line_amount). */
const lineTotal = (l: string) => `line_amount(${l}.quantity, ${l}.price_per_kg)`;

const listColumns = {
  order: orders,
  buyer: organisations.name,
  lines: sql<number>`(select count(*)::int from order_lines l where l.order_id = ${orders.id})`,
  quantity: sql<string>`(select coalesce(sum(l.quantity), 0)::text from order_lines l where l.order_id = ${orders.id})`,
  total: sql<string>`(select coalesce(sum(${sql.raw(lineTotal("l"))}), 0)::numeric(20, 2)::text from order_lines l where l.order_id = ${orders.id})`,
};

type ListRow = { order: Order; buyer: string; lines: number; quantity: string; total: string };

const summaryJson = (r: ListRow) => ({
  id: r.order.id,
  buyer_id: r.order.buyerId,
  buyer: r.buyer,
  status: r.order.status,
  currency: r.order.currency,
  lines: r.lines,
  quantity_kg: gramsToKg(BigInt(r.quantity)),
  total: r.total,
  created_at: r.order.createdAt.toISOString(),
  updated_at: r.order.updatedAt.toISOString(),
});
export type OrderSummaryJson = ReturnType<typeof summaryJson>;

function filters(scope: Scope, q: Omit<OrderQuery, "cursor" | "limit">): SQL | undefined {
  return and(
    ordersInScope(scope),
    filterBy(q, { status: orders.status, buyer_id: orders.buyerId }),
    q.batch_id === undefined
      ? undefined
      : sql`exists (select 1 from order_lines l where l.order_id = ${orders.id} and l.batch_id = ${q.batch_id})`,
    onDays(orders.createdAt, q.from, q.to),
  );
}

export async function listOrders(db: Db, scope: Scope, q: OrderQuery) {
  const before = beforeCursor(orders.id, q.cursor);
  const rows = await db
    .select(listColumns)
    .from(orders)
    .innerJoin(organisations, eq(organisations.id, orders.buyerId))
    .where(and(filters(scope, q), before))
    .orderBy(desc(orders.id))
    .limit(q.limit + 1);
  return pageByIdDesc(rows, q.limit, (r) => r.order.id, summaryJson);
}

/** Every order the filters match, newest first, in pages of 200 (for the CSV). */
export const allOrders = everyPage(listOrders);

/** A shipment's transaction as an order's and a return's JSON show it: who sent how much to whom, and how it went. */
export const transactionJson = (s: typeof shipments.$inferSelect) => ({
  method: s.method,
  from_holder: s.fromHolder,
  to_holder: s.toHolder,
  quantity_kg: gramsToKg(BigInt(s.quantity)),
  status: s.status,
  tx_hash: s.txHash,
  error: s.error,
});

/** An order with its lines (each with what its batch has available now), reservations, shipments and history. */
export async function getOrder(db: Db, scope: Scope, id: number) {
  const [summary] = await db
    .select({ ...listColumns, buyerRow: organisations })
    .from(orders)
    .innerJoin(organisations, eq(organisations.id, orders.buyerId))
    .where(and(eq(orders.id, id), ordersInScope(scope)));
  if (!summary) throw new ApiError("not_found", `Order ${id} does not exist.`);
  const { order, buyerRow: buyer } = summary;
  const [address] = order.deliveryAddressId
    ? await db.select().from(organisationAddresses).where(eq(organisationAddresses.id, order.deliveryAddressId))
    : [];
  const lines = await db
    .select({
      line: orderLines,
      code: batches.batchCode,
      origin: batches.originCountry,
      grade: batches.qualityGrade,
      total: sql<string>`${sql.raw(lineTotal("order_lines"))}::numeric(20, 2)::text`,
      // What the buyer's delivery wallet holds of the batch now (its balanceOf, as the ledger sums it).
      delivered: sql<string>`coalesce((select h.balance from holdings h where h.chain_id = ${batches.chainId}
        and h.token_id = ${batches.tokenId} and h.holder = ${buyer.deliveryWallet}), 0)::text`,
    })
    .from(orderLines)
    .innerJoin(batches, eq(batches.id, orderLines.batchId))
    .where(eq(orderLines.orderId, id))
    .orderBy(orderLines.id);
  const lineIds = lines.map((l) => l.line.id);
  const held = lineIds.length
    ? await db.select().from(reservations).where(inArray(reservations.orderLineId, lineIds)).orderBy(reservations.id)
    : [];
  const sent = lineIds.length
    ? await db
        .select()
        .from(shipments)
        .where(and(inArray(shipments.orderLineId, lineIds), eq(shipments.purpose, "order")))
        .orderBy(shipments.id)
    : [];
  const linesJson = [];
  for (const { line, code, origin, grade, total, delivered } of lines) {
    const stock = await availability(db, line.batchId, line.warehouse);
    linesJson.push({
      id: line.id,
      batch_id: line.batchId,
      batch_code: code,
      origin_country: origin,
      quality_grade: grade,
      warehouse: line.warehouse,
      quantity_kg: gramsToKg(BigInt(line.quantity)),
      price_per_kg: line.pricePerKg,
      total,
      in_buyer_wallet_kg: gramsToKg(BigInt(delivered)),
      stock: {
        for_sale_kg: gramsToKg(stock.for_sale),
        reserved_kg: gramsToKg(stock.reserved),
        available_kg: gramsToKg(stock.available),
      },
    });
  }
  return {
    ...summaryJson(summary),
    buyer_kind: buyer.kind,
    delivery_wallet: buyer.deliveryWallet,
    delivery_address: address
      ? { id: address.id, label: address.label, lines: address.lines, country: address.country }
      : null,
    note: order.note,
    lines: linesJson,
    reservations: held.map((r) => ({
      id: r.id,
      order_line_id: r.orderLineId,
      batch_id: r.batchId,
      warehouse: r.warehouse,
      quantity_kg: gramsToKg(BigInt(r.quantity)),
      status: r.status,
      expires_at: r.expiresAt.toISOString(),
      ended_at: r.endedAt?.toISOString() ?? null,
    })),
    shipments: sent.map((s) => ({
      id: s.id,
      order_line_id: s.orderLineId,
      ...transactionJson(s),
      sent_at: s.sentAt?.toISOString() ?? null,
      indexed_at: s.indexedAt?.toISOString() ?? null,
    })),
    history: await entityHistory(db, "order", id),
    confirmed_at: order.confirmedAt?.toISOString() ?? null,
    shipped_at: order.shippedAt?.toISOString() ?? null,
    delivered_at: order.deliveredAt?.toISOString() ?? null,
    cancelled_at: order.cancelledAt?.toISOString() ?? null,
    refunded_at: order.refundedAt?.toISOString() ?? null,
  };
}
export type OrderJson = Awaited<ReturnType<typeof getOrder>>;

/** Runs an action on the order, its row locked meanwhile, and answers the order as it then is. */
export async function actOnOrder(
  db: Db,
  scope: Scope,
  id: number,
  action: OrderAction,
  by: { actor: Actor; note?: string; deps: TransitionDeps },
) {
  await db.transaction(async (tx) => {
    const order = await getOrderRow(tx, scope, id, true);
    await runAction(tx, order, action, by.actor, by.note, by.deps);
  });
  return getOrder(db, scope, id);
}
