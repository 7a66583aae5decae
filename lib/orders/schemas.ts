// What the order endpoints and pages take in: a new order with its lines, the list's filters, the
// buyer's delivery details, and the notes a transition may carry.
import { z } from "zod";

import { ZBodyId, ZId } from "@/lib/api/params";
import { daysAndPage, decimal, fitsDigits, list, text } from "@/lib/api/zod";
import { orderStatuses } from "@/lib/db/enums";
import { positiveKg, walletAddress, warehouseCode } from "@/lib/stock/schemas";

/** What order_lines.quantity holds comfortably, and price_per_kg (numeric(12, 2)) holds at all. */
const lineKg = positiveKg.refine(fitsDigits(12), "must be at most 999999999999.999 kg");
const pricePerKg = decimal(2).refine(fitsDigits(10), "must be at most 9999999999.99");

export const ZOrderLine = z.strictObject({
  batch_id: ZBodyId,
  quantity_kg: lineKg,
  price_per_kg: pricePerKg,
  warehouse: warehouseCode.optional(),
});

export const ZNewOrder = z.strictObject({
  buyer_id: ZBodyId,
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, "must be a three-letter currency code, e.g. USD")
    .default("USD"),
  delivery_address_id: ZBodyId.optional(),
  note: text().max(1000).optional(),
  lines: z
    .array(ZOrderLine)
    .min(1, "an order needs at least one line")
    .max(50, "at most 50 lines")
    .refine((lines) => new Set(lines.map((l) => l.batch_id)).size === lines.length, "each batch once per order"),
  /** A retried creation with the same key answers the first order instead of making a second. */
  idempotency_key: text().min(1).max(200).optional(),
  /** Confirm (and so reserve) at once. */
  confirm: z.boolean().optional(),
});
export type NewOrder = z.infer<typeof ZNewOrder>;

export const ZOrderQuery = z.strictObject({
  status: list(orderStatuses).optional(),
  buyer_id: ZId.optional(),
  batch_id: ZId.optional(),
  ...daysAndPage(),
});
export type OrderQuery = z.infer<typeof ZOrderQuery>;

/** What may be done to an order (lib/orders/transitions.ts says from which states). */
export const orderActions = ["confirm", "reserve", "ship", "deliver", "cancel", "refund"] as const;
export type OrderAction = (typeof orderActions)[number];

export const ZTransitionNote = z.strictObject({ note: text().max(1000).optional() });

export const ZBuyerChange = z
  .strictObject({
    delivery_wallet: walletAddress.nullable().optional(),
    address: z
      .strictObject({
        label: text().min(1).max(80),
        lines: text().min(1).max(500),
        country: text().min(2).max(80),
      })
      .optional(),
  })
  .refine((c) => Object.keys(c).length > 0, "give a delivery_wallet or an address");
export type BuyerChange = z.infer<typeof ZBuyerChange>;
