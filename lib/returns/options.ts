// The five things that can become of returned coffee: whether each is feasible, what it recovers
// (exact, in cents) and one sentence with the figures behind it.
import { dispositions } from "@/lib/db/enums";
import { humanize } from "@/lib/format";
import { qualityGrades, type QualityGrade } from "@/lib/quality/schemas";

import { describePrice, formatCents, formatKg, formatRate, getPrice, getValueCents, rateOf, type Price } from "./money";
import { returnRules, type Disposition, type ParsedInput } from "./rules";

export type Priced = {
  option: Disposition;
  feasible: boolean;
  cents: bigint;
  /** The market prices the value rests on (none for returning and destroying). */
  prices: Price[];
  sentence: string;
};

/** Specialty 3, premium 2, exchange 1, below standard 0. */
export const rankOf = (grade: QualityGrade) => qualityGrades.length - 1 - qualityGrades.indexOf(grade);

export const isFallback = (option: Priced) => option.prices.some((p) => p.sales === null);

export function getLabel(option: Disposition, input: ParsedInput): string {
  if (option === "resell") return `Resell as ${humanize(input.inspection.grade)}`;
  if (option === "downgrade") return "Downgrade to exchange (commercial grade)";
  return capitalize(humanize(option));
}

export const capitalize = (text: string) => text.replace(/^./, (c) => c.toUpperCase());

/** "2 days to expiry", "expires today", "expired 3 days ago". */
export function describeExpiry(days: number): string {
  if (days < 0) return `expired ${-days} day${days === -1 ? "" : "s"} ago`;
  return days === 0 ? "expires today" : `${days} day${days === 1 ? "" : "s"} to expiry`;
}

const inRange = (pct: number, range: { min: number; max: number }) =>
  Math.round(pct * 100) >= range.min * 100 && Math.round(pct * 100) <= range.max * 100;

export const isMoistureInRange = (input: ParsedInput) =>
  inRange(input.inspection.moisture_pct, returnRules.blendMoisturePct);

/** Whether the reason is the producer's to answer for (a claim may be made on it). */
export const isClaimReason = (input: ParsedInput) =>
  (returnRules.claimReasons as readonly string[]).includes(input.reason);

export const isClaimable = (input: ParsedInput) =>
  isClaimReason(input) && input.days_since_delivery <= returnRules.claimWindowDays;

/** Why each option cannot be taken; an empty list means it can. */
function getObstacles(option: Disposition, input: ParsedInput): string[] {
  const { inspection, contract_grade: contract } = input;
  const grade = humanize(inspection.grade);
  const belowContract = rankOf(inspection.grade) < rankOf(contract);
  const found: [boolean, string][] = [];
  if (option !== "destroy") found.push([inspection.contaminated, "the coffee is contaminated"]);
  if (option === "resell") {
    const days = input.days_to_expiry;
    found.push([belowContract, `inspected ${grade} is below the ${humanize(contract)} contract`]);
    found.push([
      days !== null && days < returnRules.resellMinDaysToExpiry,
      `${describeExpiry(days ?? 0)}, under the ${returnRules.resellMinDaysToExpiry} days needed to resell`,
    ]);
  }
  if (option === "downgrade")
    found.push([rankOf(inspection.grade) < rankOf("exchange"), `inspected ${grade} is below exchange grade`]);
  if (option === "blend") {
    const { min, max } = returnRules.blendMoisturePct;
    found.push([!isMoistureInRange(input), `moisture ${inspection.moisture_pct}% is outside ${min}–${max}%`]);
    found.push([
      Math.round(inspection.cupping_score * 100) < returnRules.blendMinCupping * 100,
      `cupping ${inspection.cupping_score} is under ${returnRules.blendMinCupping}`,
    ]);
  }
  if (option === "return_to_producer") {
    const days = input.days_since_delivery;
    const window = returnRules.claimWindowDays;
    found.push([!isClaimReason(input), `a ${humanize(input.reason)} return is not the producer's to answer for`]);
    found.push([days > window, `${days} days since delivery is past the ${window}-day claim window`]);
    found.push([
      !belowContract && input.reason !== "wrong_lot",
      `inspected ${grade} meets the ${humanize(contract)} contract`,
    ]);
  }
  return found.filter(([holds]) => holds).map(([, why]) => why);
}

/** What an option recovers per kg, as a rate over a divisor, and the sum it shows. */
function getTerms(
  option: Disposition,
  input: ParsedInput,
): { rate: bigint; divisor: bigint; sum: string; prices: Price[] } {
  const own = getPrice(input, input.inspection.grade);
  const exchange = getPrice(input, "exchange");
  if (option === "resell") return { rate: own.rate, divisor: 1n, sum: formatRate(own.rate), prices: [own] };
  if (option === "downgrade")
    return { rate: exchange.rate, divisor: 1n, sum: formatRate(exchange.rate), prices: [exchange] };
  if (option === "blend") {
    const blending = returnRules.blendingCostPerKg;
    return {
      rate: own.rate + exchange.rate - 2n * rateOf(blending),
      divisor: 2n,
      sum: `((${humanize(own.grade)} ${formatRate(own.rate)} + exchange ${formatRate(exchange.rate)}) / 2 − ${blending} blending)`,
      prices: own.grade === "exchange" ? [own] : [own, exchange],
    };
  }
  if (option === "return_to_producer") {
    const freight = returnRules.freightBackPerKg;
    const sum = `(${input.original_price_per_kg} order price − ${freight} freight back)`;
    return { rate: rateOf(input.original_price_per_kg) - rateOf(freight), divisor: 1n, sum, prices: [] };
  }
  const disposal = returnRules.disposalCostPerKg;
  return { rate: -rateOf(disposal), divisor: 1n, sum: `-${disposal} disposal cost`, prices: [] };
}

export function getOptions(input: ParsedInput): Priced[] {
  const grams = BigInt(input.grams);
  return dispositions.map((option) => {
    const obstacles = getObstacles(option, input);
    const { rate, divisor, sum, prices } = getTerms(option, input);
    const cents = getValueCents(grams, rate, divisor);
    const sources = prices.length ? ` (${prices.map((p) => describePrice(p, input)).join("; ")})` : "";
    const figures = `${formatKg(grams)} kg × ${sum} per kg = ${formatCents(cents)}${sources}`;
    const label = getLabel(option, input);
    const sentence = obstacles.length
      ? `${label} is not possible: ${obstacles.join("; ")}; it would recover ${figures}.`
      : `${label}: ${figures}.`;
    return { option, feasible: obstacles.length === 0, cents, prices, sentence };
  });
}
