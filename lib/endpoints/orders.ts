// Orders and reservations: buyers, orders with their lines, the flow from draft to delivered, and
// the shipments that send the tokens. A buyer's members read their own orders; operators run them.
import { z } from "zod";

import { idParams, ZNoQuery } from "@/lib/api/params";
import { adminsOnly, everyoneAndKeys, operatorsAndKeys, readers } from "@/lib/auth/permissions";
import { orderStatuses, reservationStatuses } from "@/lib/db/enums";
import { orderActions, ZBuyerChange, ZNewOrder, ZOrderQuery, ZTransitionNote } from "@/lib/orders/schemas";

import { csvExport, endpoints } from "./define";
import { listOf, pageOf, textOrNull, ZAuditJson, ZTransactionJson } from "./shapes";

const ZBuyerJson = z.object({
  id: z.number(),
  name: z.string(),
  kind: z.string(),
  delivery_wallet: textOrNull,
  addresses: z.array(z.object({ id: z.number(), label: z.string(), lines: z.string(), country: z.string() })),
});

const ZOrderSummary = z.object({
  id: z.number(),
  buyer_id: z.number(),
  buyer: z.string(),
  status: z.enum(orderStatuses),
  currency: z.string(),
  lines: z.number(),
  quantity_kg: z.string(),
  total: z.string(),
  created_at: z.string(),
  updated_at: z.string(),
});

const ZOrderJson = ZOrderSummary.extend({
  buyer_kind: z.string(),
  delivery_wallet: textOrNull,
  delivery_address: z.object({ id: z.number(), label: z.string(), lines: z.string(), country: z.string() }).nullable(),
  note: textOrNull,
  lines: z.array(
    z.object({
      id: z.number(),
      batch_id: z.number(),
      batch_code: z.string(),
      origin_country: z.string(),
      quality_grade: textOrNull,
      warehouse: textOrNull,
      quantity_kg: z.string(),
      price_per_kg: z.string(),
      total: z.string(),
      in_buyer_wallet_kg: z.string(),
      stock: z.object({ for_sale_kg: z.string(), reserved_kg: z.string(), available_kg: z.string() }),
    }),
  ),
  reservations: z.array(
    z.object({
      id: z.number(),
      order_line_id: z.number(),
      batch_id: z.number(),
      warehouse: textOrNull,
      quantity_kg: z.string(),
      status: z.enum(reservationStatuses),
      expires_at: z.string(),
      ended_at: textOrNull,
    }),
  ),
  shipments: z.array(
    z.object({
      id: z.number(),
      order_line_id: z.number(),
      ...ZTransactionJson.shape,
      sent_at: textOrNull,
      indexed_at: textOrNull,
    }),
  ),
  history: z.array(ZAuditJson),
  confirmed_at: textOrNull,
  shipped_at: textOrNull,
  delivered_at: textOrNull,
  cancelled_at: textOrNull,
  refunded_at: textOrNull,
});

const orderId = idParams("order_id");
const refusals =
  "409 when the order's state does not allow it (the answer names the state and the ones it would need), or when a batch has less available than a line wants (`details.available_kg`).";

const declared = endpoints({
  listBuyers: {
    route: "GET /api/buyers",
    rule: everyoneAndKeys,
    summary: "Buyer organisations (importers, roasters) with their delivery wallet and addresses.",
    query: ZNoQuery,
    response: listOf(ZBuyerJson),
  },

  updateBuyer: {
    route: "PATCH /api/buyers/[buyer_id]",
    rule: adminsOnly,
    summary:
      "Set a buyer's delivery wallet (it becomes one of the buyer's wallets; 409 when another organisation holds it; null removes it, and the buyer's orders then ship by redemption) or add an address. Audited.",
    body: ZBuyerChange,
    response: ZBuyerJson,
  },

  listOrders: {
    route: "GET /api/orders",
    rule: readers,
    summary:
      "Orders, newest first, with buyer, status, kilograms and total. Filters: status (comma-separated), buyer_id, batch_id, from, to (creation dates, UTC). A buyer's members see their own orders only.",
    query: ZOrderQuery,
    response: pageOf(ZOrderSummary),
  },

  createOrder: {
    route: "POST /api/orders",
    rule: operatorsAndKeys,
    summary: `Create a draft order for a buyer: lines of batch, kilograms, price per kg (and optionally the warehouse to take it from). With \`confirm: true\` it is confirmed and reserved at once. With an \`idempotency_key\`, a retry answers the first order (200) instead of creating another (201); the key with a different order is a 409. ${refusals}`,
    body: ZNewOrder,
    response: ZOrderJson,
    statuses: [200, 201],
  },

  getOrder: {
    route: "GET /api/orders/[order_id]",
    rule: readers,
    summary:
      "An order with its lines (each with what its batch has for sale, reserved and available now), reservations, shipments and history.",
    query: ZNoQuery,
    response: ZOrderJson,
  },

  orderAction: {
    route: "POST /api/orders/[order_id]/[action]",
    rule: operatorsAndKeys,
    summary: `Move an order on: \`confirm\` (a draft: reserves every line until RESERVATION_HOURS have passed, or none), \`reserve\` (a confirmed order whose reservations expired), \`ship\` (a reserved order: the shipping wallet sends each line's tokens to the buyer's delivery wallet, or redeems them; the order is shipped once the indexer has every transaction), \`deliver\`, \`cancel\` (before shipping; releases the reservations), \`refund\` (after shipping), each with an optional note. Audited. ${refusals} 422 when no holder the shipping wallet may send for has the stock.`,
    params: orderId.extend({ action: z.enum(orderActions) }),
    body: ZTransitionNote,
    response: ZOrderJson,
  },
});

export const orders = {
  ...declared,
  exportOrders: csvExport(declared.listOrders, "order"),
};
