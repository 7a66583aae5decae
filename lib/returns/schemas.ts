// What the return endpoints and pages take in: a request against a shipped order line, the queue's
// filters, the intake's warehouse, the inspection (an SCA quality check) and the decision.
import { z } from "zod";

import { ZBodyId, ZId } from "@/lib/api/params";
import { cursor, list, pageLimit, text } from "@/lib/api/zod";
import { dispositions, returnReasons, returnStatuses, settlements } from "@/lib/db/enums";
import { ZQualityCheck } from "@/lib/quality/schemas";
import { positiveKg, warehouseCode } from "@/lib/stock/schemas";

export const ZNewReturn = z.strictObject({
  order_line_id: ZBodyId,
  quantity_kg: positiveKg,
  reason: z.enum(returnReasons, { error: `must be one of ${returnReasons.join(", ")}` }),
  note: text().max(2000).optional(),
});
export type NewReturn = z.infer<typeof ZNewReturn>;

export const ZReturnQuery = z.strictObject({
  status: list(returnStatuses).optional(),
  reason: list(returnReasons).optional(),
  buyer_id: ZId.optional(),
  order_id: ZId.optional(),
  batch_id: ZId.optional(),
  cursor: cursor(),
  limit: pageLimit(),
});
export type ReturnQuery = z.infer<typeof ZReturnQuery>;

export const ZIntake = z.strictObject({ warehouse: warehouseCode });

/** The SCA quality check of the returned coffee, and whether it was found contaminated. */
export const ZInspection = ZQualityCheck.extend({ contaminated: z.boolean().default(false) });
export type Inspection = z.infer<typeof ZInspection>;

export const ZDecision = z.strictObject({
  disposition: z.enum(dispositions, { error: `must be one of ${dispositions.join(", ")}` }),
  /** Required when the decision differs from the recommendation. */
  note: text().min(1).max(2000).optional(),
  settlement: z.enum(settlements).default("refund"),
});
export type Decision = z.infer<typeof ZDecision>;

export const ZRejection = z.strictObject({ note: text().min(1, "say why").max(2000) });

/** The returns analytics' tables, each its own CSV. */
export const returnTables = ["origin", "process", "warehouse", "reason"] as const;
export type ReturnTable = (typeof returnTables)[number];
