// The parameters of the returned-coffee recommendation, in one place the docs can quote, and the
// shape of what it reads and answers. Pure: no database, safe in any test or page.
import { z } from "zod";

import { decimal } from "@/lib/api/zod";
import { dispositions, returnReasons } from "@/lib/db/enums";
import { qualityGrades, ZQualityCheck, type QualityGrade } from "@/lib/quality/schemas";

export const RETURN_RULES_VERSION = "returns-v1";

export type ReturnReason = (typeof returnReasons)[number];
export type Disposition = (typeof dispositions)[number];

export const returnRules = {
  /** A grade with no recent sales is priced at this share (percent) of the order line's price per kg. */
  fallbackPricePct: { specialty: 100, premium: 100, exchange: 60, below_standard: 35 } satisfies Record<
    QualityGrade,
    number
  >,
  /** USD per kg: destroying costs the disposal, blending the blending, returning the freight back. */
  disposalCostPerKg: "0.30",
  blendingCostPerKg: "0.25",
  freightBackPerKg: "0.50",
  /** Resell at its grade only with at least this many days to the batch's expiry (or none). */
  resellMinDaysToExpiry: 30,
  /** A claim on the producer is accepted up to this many days after delivery, inclusive. */
  claimWindowDays: 60,
  /** Reasons that are the producer's to answer for; the wrong lot goes back whatever its grade. */
  claimReasons: ["quality_below_contract", "moisture", "wrong_lot"] satisfies ReturnReason[],
  /** Blending needs moisture within this range (percent, inclusive) and at least this cupping score. */
  blendMoisturePct: { min: 9, max: 13 },
  blendMinCupping: 70,
  /** The cupping score a specialty or premium cup needs (SCA); the cupping factor reads it. */
  fineCupping: 80,
  /** Factor weights: confidence is the weighted share of the factors that support the recommendation. */
  weights: {
    grade_against_contract: 0.35,
    contamination: 0.1,
    /** Replaces the contamination weight when the coffee is contaminated. */
    contamination_found: 1.0,
    moisture: 0.1,
    cupping: 0.1,
    claim_window: 0.15,
    price_evidence: 0.15,
    expiry: 0.15,
  },
  /** Confidence is multiplied by this when the recommended option's price is a fallback. */
  fallbackConfidenceFactor: 0.8,
  /** Confidence is clamped to this range; contaminated coffee's forced destroy gets `contaminated`. */
  confidence: { min: 0.3, max: 0.95, contaminated: 0.95 },
} as const;

export type FactorName = Exclude<keyof typeof returnRules.weights, "contamination_found">;

const money = () => decimal(2);
const days = () => z.number().int("must be a whole number of days");

export const ZRecommendInput = z.strictObject({
  grams: z
    .string()
    .regex(/^\d+$/, "must be a whole number of grams, like 12500")
    .pipe(z.string().refine((g) => /[1-9]/.test(g), "must be more than zero")),
  reason: z.enum(returnReasons),
  contract_grade: z.enum(qualityGrades),
  inspection: z.strictObject({
    grade: z.enum(qualityGrades),
    cupping_score: ZQualityCheck.shape.cupping_score,
    moisture_pct: ZQualityCheck.shape.moisture_pct,
    full_defects: z.number().min(0, "must not be negative"),
    contaminated: z.boolean(),
  }),
  original_price_per_kg: money(),
  prices: z.partialRecord(
    z.enum(qualityGrades),
    z.strictObject({
      price_per_kg: money(),
      sales: z.number().int("must be a whole number").min(1, "must be at least 1: a grade without sales is left out"),
    }),
  ),
  days_since_delivery: days().min(0, "must not be negative"),
  days_to_expiry: days().nullable(),
});

export type RecommendInput = z.input<typeof ZRecommendInput>;

export type Option = { option: Disposition; feasible: boolean; recovery_value: string; sentence: string };
export type Factor = { name: FactorName; value: string; weight: number; sentence: string; supports: Disposition[] };

export type Recommendation = {
  option: Disposition;
  confidence: number;
  summary: string;
  options: Option[];
  factors: Factor[];
  rules_version: typeof RETURN_RULES_VERSION;
};
export type ParsedInput = z.output<typeof ZRecommendInput>;
