import { z } from "zod";

import { calendarDate, cursor, decimal, list, pageLimit, text } from "@/lib/api/zod";
import {
  batchStatuses,
  processes,
  qualityGrades,
  riskLevels,
  syncStatuses,
  verificationStatuses,
} from "@/lib/db/enums";

import { ZBatchMetadata } from "./metadata";

/** A comma-separated list of allowed values, e.g. `status=active,verified`. */
export const sortColumns = [
  "id",
  "batch_code",
  "token_id",
  "origin_country",
  "process",
  "warehouse",
  "harvest_date",
  "expiry_date",
  "quantity_kg",
  "price_per_kg",
  "cupping_score",
  "quality_grade",
  "risk_score",
  "status",
  "verification_status",
  "sync_status",
  "created_at",
  "updated_at",
] as const;

/** The list's filters on fixed values, each with its values: the list query and the filter form read them here. */
export const batchFilterValues = {
  status: batchStatuses,
  verification_status: verificationStatuses,
  sync_status: syncStatuses,
  process: processes,
  quality_grade: qualityGrades,
  risk_level: riskLevels,
} as const;

/** By expiry: past it (sellable or marked expired, not redeemed), or sellable and due within 30, 60 or 90 days. */
export const expiryWindows = ["expired", "30", "60", "90"] as const;

export const ZBatchListQuery = z.strictObject({
  status: list(batchFilterValues.status).optional(),
  verification_status: list(batchFilterValues.verification_status).optional(),
  sync_status: list(batchFilterValues.sync_status).optional(),
  process: list(batchFilterValues.process).optional(),
  quality_grade: list(batchFilterValues.quality_grade).optional(),
  risk_level: list(batchFilterValues.risk_level).optional(),
  expiry_window: z.enum(expiryWindows).optional(),
  origin_country: text().trim().min(1).max(60).optional(),
  warehouse: text().trim().min(1).max(80).optional(),
  q: text().trim().min(1).max(100).optional(),
  // plots
  eudr_ready: z.enum(["yes", "no"]).optional(),
  sort: z.enum(sortColumns).default("id"),
  order: z.enum(["asc", "desc"]).default("desc"),
  limit: pageLimit(100, 25),
  cursor: cursor(),
});

export type BatchListQuery = z.infer<typeof ZBatchListQuery>;

/** The list's filters and sort, for the CSV export of every match. */
export const ZBatchExportQuery = ZBatchListQuery.omit({ limit: true, cursor: true });

export const ZNewBatch = ZBatchMetadata.extend({
  quantity_kg: decimal(3).refine((v) => /[1-9]/.test(v), "must be more than zero"),
  price_per_kg: decimal(2),
  production_date: calendarDate(),
  expiry_date: calendarDate(),
}).refine((b) => b.expiry_date > b.production_date, {
  path: ["expiry_date"],
  message: "must be after the production date",
  // Checked as soon as both dates are valid, even while other fields are still wrong, so the form says it at once.
  when: ({ value }) => {
    const v = value as { production_date?: unknown; expiry_date?: unknown };
    return [v.production_date, v.expiry_date].every((d) => typeof d === "string" && /^\d{4}-\d{2}-\d{2}$/.test(d));
  },
});

export type NewBatch = z.infer<typeof ZNewBatch>;

export const ZImportRequest = z.strictObject({
  blockchain_batch_id: z
    .union([z.string().regex(/^\d{1,78}$/, "must be a token id"), z.number().int().nonnegative()])
    .transform((v) => BigInt(v))
    .refine((v) => v < 2n ** 256n, "must be a token id (below 2^256)"),
});
