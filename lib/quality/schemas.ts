// The green-coffee quality check as the public API receives it, and the grade it earns.
import { z } from "zod";

import { text } from "@/lib/api/zod";
import { qualityGrades } from "@/lib/db/enums";

export { qualityGrades };
export type QualityGrade = (typeof qualityGrades)[number];

/** At most two decimals as written: 79.99999999 is refused rather than rounded into 80. */
const hasTwoDecimals = (v: number) => /^-?\d+(\.\d{1,2})?$/.test(String(v));

const percent = () =>
  z
    .number({ error: "must be a number" })
    .min(0, "must be between 0 and 100")
    .max(100, "must be between 0 and 100")
    .refine(hasTwoDecimals, "must have at most 2 decimals");

// The cap keeps every later product safely inside integer range; a 350 g sample holds about 2,500 beans.
const count = () =>
  z
    .number({ error: "must be a number" })
    .int("must be a whole number")
    .min(0, "must not be negative")
    .max(10_000, "must be at most 10000");

export const ZQualityCheck = z.strictObject({
  cupping_score: percent(),
  moisture_pct: percent(),
  primary_defects: count(),
  secondary_defects: count(),
  sample_grams: z
    .number({ error: "must be a number" })
    .int("must be whole grams")
    .min(1, "must be more than zero")
    .max(10_000, "must be at most 10000")
    .default(350),
  screen_size: z
    .number({ error: "must be a number" })
    .int("must be a whole screen size")
    .min(8, "must be between 8 and 20")
    .max(20, "must be between 8 and 20"),
  screen_size_variance_pct: percent().optional(),
  quakers: count().optional(),
  notes: text().max(2000, "must be at most 2000 characters").optional(),
});

export type QualityCheckInput = z.input<typeof ZQualityCheck>;
export type QualityCheck = z.output<typeof ZQualityCheck>;

export type QualityResult = {
  grade: QualityGrade;
  /** Full defects (primary + secondary) per 350 g, rounded half-up to 2 decimals for display. */
  full_defects: number;
  reasons: string[];
  rules_version: string;
};
