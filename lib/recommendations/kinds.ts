// What each kind of recommendation says, from its alert's evidence: a title, the factors that led
// to it, a confidence (0–1) and the expected effect. Pure, so the worked numbers are tested.
import type { recommendationKinds } from "@/lib/db/enums";

export type RecommendationKind = (typeof recommendationKinds)[number];
export type Factor = { name: string; value: string; note: string };
type Evidence = Record<string, unknown>;

type KindText = {
  title: (e: Evidence) => string;
  factors: (e: Evidence) => Factor[];
  confidence: (e: Evidence) => number;
  effect: (e: Evidence) => string;
};

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));
const round3 = (x: number) => Math.round(x * 1000) / 1000;
const str = (v: unknown) => (v === null || v === undefined ? "none" : String(v));

export const kinds: Record<RecommendationKind, KindText> = {
  reverify_batch: {
    title: (e) => `Re-verify batch ${str(e.batch_code)}`,
    factors: (e) => [
      {
        name: "Price per kg",
        value: `$${str(e.price_per_kg)}`,
        note: `Median of ${str(e.origin)} batches: $${str(e.median)}`,
      },
      {
        name: "Robust z",
        value: e.robust_z === null ? "∞" : str(e.robust_z),
        note: "Over 3.5 is an outlier (MAD-based)",
      },
      { name: "Price ÷ median", value: `${str(e.ratio)}×`, note: "Outside 0.5–2×" },
      { name: "Comparables", value: str(e.comparables), note: "Fewer than 10 lowers the confidence" },
    ],
    confidence: (e) => {
      const z = e.robust_z === null ? Infinity : Number(e.robust_z);
      const base = clamp(0.5 + 0.1 * (z - 3.5), 0.5, 0.95);
      return round3(Number(e.comparables) < 10 ? base * 0.8 : base);
    },
    effect: () => "A count confirms the batch's price and quantity, or flags it, before it is sold.",
  },
  sell_before_expiry: {
    title: (e) => `Sell or reserve ${str(e.batch_code)} before it expires`,
    factors: (e) => [
      { name: "Days left", value: str(e.days_left), note: `Expires ${str(e.expiry_date)}` },
      { name: "For sale", value: `${str(e.for_sale_kg)} kg`, note: "None of it reserved" },
      { name: "Price per kg", value: e.price_per_kg ? `$${str(e.price_per_kg)}` : "none", note: "As minted" },
    ],
    confidence: (e) => round3(clamp(0.6 + 0.3 * (1 - Number(e.days_left) / 30), 0.6, 0.9)),
    effect: (e) =>
      `Avoids writing off ${str(e.for_sale_kg)} kg${e.value_usd ? ` ≈ $${str(e.value_usd)}` : ""} at expiry.`,
  },
  pause_webhook: {
    title: (e) => `Pause webhook endpoint ${str(e.endpoint_id)}`,
    factors: (e) => [
      { name: "Failure streak", value: str(e.streak), note: "Deliveries failed in a row; 20 disables it" },
      { name: "Last status", value: str(e.last_status_code), note: str(e.url) },
    ],
    confidence: (e) => round3(Math.min(0.95, 0.5 + 0.05 * Number(e.streak))),
    effect: () => "Stops deliveries to a failing receiver until an admin resumes it; events are not lost from the log.",
  },
  run_sync: {
    title: () => "Run a full sync with the chain",
    factors: (e) =>
      "chain_count" in e
        ? [
            { name: "Chain count", value: str(e.chain_count), note: `At block ${str(e.block)}` },
            { name: "Database count", value: str(e.database_count), note: "Minted batches mirrored" },
          ]
        : [
            {
              name: "Drift now",
              value: str(e.now),
              note: `Out of sync ${str(e.out_of_sync)}, in error ${str(e.error)}`,
            },
            { name: "Lowest in 30 min", value: str(e.before), note: `Growth ${str(e.growth)} ≥ ${str(e.threshold)}` },
          ],
    confidence: (e) => ("chain_count" in e ? 0.85 : 0.7),
    effect: () => "Reconciles every batch with the chain and clears the drift it can.",
  },
};

/** The text of a recommendation of `kind` from its evidence. */
export function describe(kind: RecommendationKind, evidence: Evidence) {
  const k = kinds[kind];
  return {
    title: k.title(evidence),
    factors: k.factors(evidence),
    confidence: k.confidence(evidence),
    expectedEffect: k.effect(evidence),
  };
}
