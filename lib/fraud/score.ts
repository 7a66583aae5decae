// Scores a batch's fraud risk 0–100 from named factors, every one reported so the UI can explain it.
// Pure: the caller passes everything in, including `now`.
import { z } from "zod";

import { calendarDate, decimal } from "@/lib/api/zod";

import {
  getInconsistentDates,
  getMetadataHashReused,
  getPriceOutlier,
  getQuantityMismatch,
  getRepeatedDiscrepancies,
  getVerificationTiming,
  type FraudFactor,
} from "./factors";

export const FRAUD_MODEL_VERSION = "fraud-v1";

const count = () =>
  z.number({ error: "must be a number" }).int("must be a whole number").min(0, "must not be negative");
const timestamp = () => z.iso.datetime({ offset: true, error: "must be an ISO timestamp" });

export const ZFraudInput = z.strictObject({
  /** Null while the batch is not minted yet. */
  onchain_quantity_grams: z
    .union([z.bigint().nonnegative(), z.string().regex(/^\d{1,78}$/, "must be whole grams")])
    .transform((v) => BigInt(v))
    .nullish(),
  offchain_quantity_kg: decimal(3),
  operator_discrepancies: count(),
  warehouse_discrepancies: count(),
  price_per_kg: decimal(2),
  /** Prices of the same origin's other batches, this batch excluded. */
  peer_prices_per_kg: z.array(decimal(2)).max(100_000),
  production_date: calendarDate(),
  expiry_date: calendarDate(),
  harvest_date: calendarDate().nullish(),
  now: timestamp(),
  /** Other batches carrying the same metadata hash. */
  metadata_hash_reuse_count: count(),
  created_at: timestamp().nullish(),
  verified_at: timestamp().nullish(),
  verification_requests: z.array(timestamp()).max(100_000).default([]),
});

export type FraudInput = z.input<typeof ZFraudInput>;
export type FraudScore = { score: number; version: string; factors: FraudFactor[] };

export function scoreFraud(input: FraudInput): FraudScore {
  const i = ZFraudInput.parse(input);
  const factors = [
    getQuantityMismatch(i.onchain_quantity_grams ?? null, i.offchain_quantity_kg),
    getRepeatedDiscrepancies(i.operator_discrepancies, i.warehouse_discrepancies),
    getPriceOutlier(i.price_per_kg, i.peer_prices_per_kg),
    getInconsistentDates({
      production: i.production_date,
      expiry: i.expiry_date,
      harvest: i.harvest_date ?? undefined,
      now: i.now,
    }),
    getMetadataHashReused(i.metadata_hash_reuse_count),
    getVerificationTiming({
      createdAt: i.created_at ?? undefined,
      verifiedAt: i.verified_at ?? undefined,
      requests: i.verification_requests,
    }),
  ];
  const total = factors.reduce((sum, f) => sum + f.points, 0);
  return { score: Math.min(100, Math.round(total)), version: FRAUD_MODEL_VERSION, factors };
}
