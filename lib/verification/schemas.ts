import { z } from "zod";

import { ZId } from "@/lib/api/params";
import { cursor, decimal, list, pageLimit, text } from "@/lib/api/zod";
import { verificationRequestStatuses } from "@/lib/db/enums";

export const ZVerificationRequest = z.strictObject({ notes: text().trim().max(2000).optional() });

/**
 * The counted kilograms: a decimal string ("1250.5"), or a JSON number (seed 000 sent one) taken as
 * its shortest decimal form (1250.5 → "1250.5"). A number is what JSON parsing made of the text, so
 * 999.9999999999999999 arrives as 1000; send a string when every digit matters.
 */
const ZCountedKg = z
  .union([z.string(), z.number().transform((n) => String(n))], {
    error: 'must be the counted quantity in kg, e.g. "1250.5" or 1250.5',
  })
  .pipe(decimal(3).refine((v) => v.split(".")[0].length <= 11, "must be below 100,000,000,000 kg"));

export const ZProcessRequest = z.strictObject({
  actual_quantity: ZCountedKg,
  notes: text().trim().max(2000).optional(),
});

export const ZRequestListQuery = z.strictObject({
  status: list(verificationRequestStatuses).optional(),
  batch_id: ZId.optional(),
  /** The batch as people name it; the queue's filter. */
  batch_code: text().trim().min(1).max(64).optional(),
  limit: pageLimit(),
  cursor: cursor(),
});

export type RequestListQuery = z.infer<typeof ZRequestListQuery>;

/** What an alert resolved without a note says: seed 000 resolved every open alert with an empty body. */
export const defaultResolutionNote = "Resolved with every open alert of the batch; no note was given.";

/** One alert (`alert_id`, with a note), or, without `alert_id`, every open alert of the batch. */
export const ZResolveAlert = z
  .strictObject({
    alert_id: z
      .union(
        [
          z.number().int().positive(),
          z
            .string()
            .regex(/^[1-9]\d{0,15}$/)
            .transform(Number),
        ],
        { error: "must be the alert's id" },
      )
      .optional(),
    note: text().trim().min(1, "is required: say how the alert was resolved").max(2000).optional(),
  })
  .refine((r) => r.alert_id === undefined || r.note !== undefined, {
    path: ["note"],
    message: "is required: say how the alert was resolved",
  })
  .transform((r) => ({ alert_id: r.alert_id, note: r.note ?? defaultResolutionNote }));
