// The factors behind a return recommendation: each says what it saw and which options it points
// to; the confidence is the weighted share of them that point to the one recommended.
import { humanize } from "@/lib/format";

import {
  capitalize,
  describeExpiry,
  getLabel,
  isClaimable,
  isClaimReason,
  isFallback,
  isMoistureInRange,
  rankOf,
  type Priced,
} from "./options";
import { returnRules, type Disposition, type Factor, type FactorName, type ParsedInput } from "./rules";

const keep: Disposition[] = ["resell", "downgrade", "blend"];
const dispose: Disposition[] = ["return_to_producer", "destroy"];

const factor = (name: FactorName, value: string, sentence: string, supports: Disposition[]): Factor => ({
  name,
  value,
  weight: returnRules.weights[name],
  sentence,
  supports,
});

function getGradeFactor(input: ParsedInput): Factor {
  const grade = humanize(input.inspection.grade);
  const contract = humanize(input.contract_grade);
  const value = `${grade} vs ${contract} contract`;
  const rank = rankOf(input.inspection.grade);
  const contractRank = rankOf(input.contract_grade);
  if (rank >= contractRank) {
    const against = rank === contractRank ? "meeting" : "above";
    return factor(
      "grade_against_contract",
      value,
      `Inspected ${grade}, ${against} the ${contract} contract: it can be sold again as ${grade}.`,
      ["resell"],
    );
  }
  if (rank < rankOf("exchange"))
    return factor(
      "grade_against_contract",
      value,
      `Inspected ${grade}, below the ${contract} contract and below exchange grade: it cannot be sold as graded coffee.`,
      ["blend", ...dispose],
    );
  const why = isClaimReason(input) ? "the producer's coffee did not meet it" : `it can only be sold below ${contract}`;
  return factor("grade_against_contract", value, `Inspected ${grade}, below the ${contract} contract: ${why}.`, [
    "downgrade",
    "blend",
    "return_to_producer",
  ]);
}

function getContaminationFactor(input: ParsedInput): Factor {
  if (!input.inspection.contaminated)
    return factor("contamination", "none", "No contamination found: the coffee is safe to sell, blend or send back.", [
      ...keep,
      "return_to_producer",
    ]);
  return {
    ...factor(
      "contamination",
      "found",
      "Contamination found: food safety rules out selling, blending or sending it back; it must be destroyed.",
      ["destroy"],
    ),
    weight: returnRules.weights.contamination_found,
  };
}

function getMoistureFactor(input: ParsedInput): Factor {
  const pct = input.inspection.moisture_pct;
  const { min, max } = returnRules.blendMoisturePct;
  return isMoistureInRange(input)
    ? factor("moisture", `${pct}%`, `Moisture ${pct}% is within ${min}–${max}%: stable to store, sell and blend.`, keep)
    : factor(
        "moisture",
        `${pct}%`,
        `Moisture ${pct}% is outside ${min}–${max}%: it will not keep, so it cannot be blended.`,
        dispose,
      );
}

function getCuppingFactor(input: ParsedInput): Factor {
  const score = input.inspection.cupping_score;
  const hundredths = Math.round(score * 100);
  const { fineCupping: fine, blendMinCupping: blend } = returnRules;
  if (hundredths >= fine * 100)
    return factor("cupping", String(score), `Cupping ${score} reaches ${fine}: a fine cup, worth selling.`, keep);
  if (hundredths >= blend * 100)
    return factor(
      "cupping",
      String(score),
      `Cupping ${score} is under ${fine} but at least ${blend}: good enough for commercial coffee or a blend.`,
      ["downgrade", "blend"],
    );
  return factor("cupping", String(score), `Cupping ${score} is under ${blend}: too poor to blend.`, dispose);
}

function getClaimFactor(input: ParsedInput): Factor {
  const days = input.days_since_delivery;
  const window = returnRules.claimWindowDays;
  const value = `${days} days since delivery`;
  const reason = humanize(input.reason);
  if (isClaimable(input))
    return factor(
      "claim_window",
      value,
      `Delivered ${days} days ago, within the ${window}-day claim window, for a reason the producer answers for (${reason}).`,
      ["return_to_producer"],
    );
  const sentence =
    days > window
      ? `Delivered ${days} days ago, past the ${window}-day claim window: the producer no longer takes it back.`
      : `A ${reason} return is not the producer's to answer for, though delivered ${days} days ago.`;
  return factor("claim_window", value, sentence, keep);
}

function getPriceFactor(input: ParsedInput, options: Priced[], chosen: Priced): Factor {
  const supports = options.filter((o) => !isFallback(o)).map((o) => o.option);
  const label = getLabel(chosen.option, input);
  if (chosen.option === "return_to_producer")
    return factor(
      "price_evidence",
      "order line price",
      `${label} is valued at the order line's own price, ${input.original_price_per_kg} per kg.`,
      supports,
    );
  if (chosen.option === "destroy")
    return factor(
      "price_evidence",
      "no price needed",
      `Destroying needs no market price, only the ${returnRules.disposalCostPerKg} per kg disposal cost.`,
      supports,
    );
  const counts = chosen.prices.map((p) => `${p.sales ?? 0} ${humanize(p.grade)}`);
  const missing = chosen.prices.filter((p) => p.sales === null).map((p) => humanize(p.grade));
  const sentence = missing.length
    ? `No recent ${missing.join(" or ")} sales: the ${label.toLowerCase()} value rests on a fallback share of the order price.`
    : `The ${label.toLowerCase()} value rests on recent sales: ${counts.join(", ")}.`;
  return factor("price_evidence", `${counts.join(", ")} sales`, sentence, supports);
}

function getExpiryFactor(input: ParsedInput): Factor {
  const days = input.days_to_expiry;
  const needed = returnRules.resellMinDaysToExpiry;
  if (days === null)
    return factor("expiry", "no expiry", "No expiry date: there is time to sell it at its grade.", keep);
  if (days >= needed)
    return factor(
      "expiry",
      `${days} days`,
      `${capitalize(describeExpiry(days))}: time enough to sell it at its grade (${needed} needed).`,
      keep,
    );
  return factor(
    "expiry",
    `${days} days`,
    `${capitalize(describeExpiry(days))}, under the ${needed} needed to resell at its grade: it has to move quickly.`,
    ["downgrade", "blend", ...dispose],
  );
}

export function getFactors(input: ParsedInput, options: Priced[], chosen: Priced): Factor[] {
  return [
    getGradeFactor(input),
    getContaminationFactor(input),
    getMoistureFactor(input),
    getCuppingFactor(input),
    getClaimFactor(input),
    getPriceFactor(input, options, chosen),
    getExpiryFactor(input),
  ];
}

/** Weighted share (in hundredths, exact) of the factors that support the option, × 0.8 on a fallback price, clamped. */
export function getConfidence(factors: Factor[], chosen: Priced): number {
  const hundredths = (w: number) => Math.round(w * 100);
  const total = factors.reduce((sum, f) => sum + hundredths(f.weight), 0);
  const support = factors
    .filter((f) => f.supports.includes(chosen.option))
    .reduce((s, f) => s + hundredths(f.weight), 0);
  const scale = isFallback(chosen) ? hundredths(returnRules.fallbackConfidenceFactor) : 100;
  const share = Math.floor((2 * support * scale + total) / (2 * total)); // hundredths, half-up
  const { min, max } = returnRules.confidence;
  return Math.min(hundredths(max), Math.max(hundredths(min), share)) / 100;
}
