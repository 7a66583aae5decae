// What the stock endpoints and pages take in: warehouses, moves, adjustments, transfers, the ledger's filters.
import { z } from "zod";

import { ZId } from "@/lib/api/params";
import { daysAndPage, decimal, fitsDigits, text } from "@/lib/api/zod";
import { adjustmentReasons, movementTypes } from "@/lib/db/enums";

export const walletAddress = z
  .string()
  .regex(/^0x[0-9a-fA-F]{40}$/, "must be a wallet address (0x and 40 hex digits)")
  .transform((a) => a.toLowerCase());
export const warehouseCode = z
  .string()
  .regex(/^[A-Z0-9][A-Z0-9-]{1,30}$/, "must be 2–31 capital letters, digits or dashes, e.g. ANR-BND");
export const positiveKg = decimal(3).refine((v) => /[1-9]/.test(v), "must be more than zero");

/** What warehouses.capacity_kg (numeric(14, 3)) holds: at most 11 digits before the point. */
const capacityKg = positiveKg.refine(fitsDigits(11), "must be at most 99999999999.999 kg");

export const ZWarehouseCode = z.object({ code: warehouseCode });

export const ZNewWarehouse = z.strictObject({
  code: warehouseCode,
  name: text().min(1).max(120),
  country: text().min(2).max(80),
  address: text().max(300).optional(),
  capacity_kg: capacityKg,
  is_active: z.boolean().optional(),
});

export const ZWarehouseChange = ZNewWarehouse.omit({ code: true })
  .partial()
  .refine((c) => Object.keys(c).length > 0, "give at least one field to change");

/** A holder's stock moved between two warehouses (an operator's action, on chain). */
export const ZStockMove = z
  .strictObject({
    holder: walletAddress,
    from_warehouse: warehouseCode,
    to_warehouse: warehouseCode,
    quantity_kg: positiveKg,
  })
  .refine((m) => m.from_warehouse !== m.to_warehouse, {
    message: "must differ from from_warehouse",
    path: ["to_warehouse"],
  });

/** A count up (positive) or a write-off (negative) at one warehouse, with its reason. */
export const ZStockAdjustment = z.strictObject({
  holder: walletAddress,
  warehouse: warehouseCode,
  quantity_kg: z
    .string()
    .regex(/^-?\d{1,12}(\.\d{1,3})?$/, "must be a signed decimal with at most 3 decimals, e.g. -12.5")
    .refine((v) => /[1-9]/.test(v), "must not be zero"),
  reason: z.enum(adjustmentReasons),
  note: text().max(500).optional(),
});

/** Part of a batch sent from one holder's wallet to another's. */
export const ZStockTransfer = z
  .strictObject({ from: walletAddress, to: walletAddress, quantity_kg: positiveKg })
  .refine((t) => t.from !== t.to, { message: "must differ from from", path: ["to"] });

export const ZMovementQuery = z.strictObject({
  batch_id: ZId.optional(),
  type: z.enum(movementTypes).optional(),
  warehouse: text().max(40).optional(),
  holder: walletAddress.optional(),
  ...daysAndPage(),
});

export type MovementQuery = z.infer<typeof ZMovementQuery>;
