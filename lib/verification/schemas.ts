import { z } from "zod";
import { list } from "@/lib/api/zod";
import { verificationRequestStatuses } from "@/lib/db/enums";
import { decimal, text } from "@/lib/api/zod";


export const ZVerificationRequest = z.strictObject({ notes: text().trim().max(2000).optional() });

export const ZProcessRequest = z.strictObject({
  // A string, never a JSON number: 999.9999999999999999 would arrive as 1000 and be taken as exact.
  actual_quantity: z
    .string({ error: 'must be the counted quantity in kg as a string, e.g. "1250.5"' })
    .pipe(decimal(3).refine((v) => v.split(".")[0].length <= 11, "must be below 100,000,000,000 kg")),
  notes: text().trim().max(2000).optional(),
});

export const ZRequestListQuery = z.strictObject({
  status: list(verificationRequestStatuses).optional(),
  batch_id: z.string().regex(/^[1-9]\d{0,15}$/, "must be a positive integer id").transform(Number).optional(),
  /** The batch as people name it; the queue's filter. */
  batch_code: text().trim().min(1).max(64).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});

export type RequestListQuery = z.infer<typeof ZRequestListQuery>;

export const ZResolveAlert = z.strictObject({
  alert_id: z.union([z.number().int().positive(), z.string().regex(/^[1-9]\d{0,15}$/).transform(Number)], { error: "must be the alert's id" }),
  note: text().trim().min(1, "is required: say how the alert was resolved").max(2000),
});
