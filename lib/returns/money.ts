// Exact money for the return recommendation: grams and cents as bigint, prices per kg in
// ten-thousandths of a dollar (a cent is 100) so a 35 % fallback of any cent price stays exact.
// A value is rounded once, to the cent, half away from zero: a cost rounds as the same gain would.
import { gramsToKg, usdToCents } from "@/lib/chain/units";
import { humanize } from "@/lib/format";
import type { QualityGrade } from "@/lib/quality/schemas";

import { returnRules, type ParsedInput } from "./rules";

/** A price per kg, in ten-thousandths of a dollar. */
export type Rate = bigint;
/** A grade's price and where it came from: `sales` recent sales, or null for the fallback. */
export type Price = { grade: QualityGrade; rate: Rate; sales: number | null };

export const rateOf = (usd: string): Rate => usdToCents(usd) * 100n;

/** The value in cents of `grams` at `rate / divisor` per kg. */
export function getValueCents(grams: bigint, rate: Rate, divisor = 1n): bigint {
  const numerator = grams * rate;
  const denominator = 1000n * 100n * divisor;
  const whole = ((numerator < 0n ? -numerator : numerator) * 2n + denominator) / (2n * denominator);
  return numerator < 0n ? -whole : whole;
}

/** "-12.30": sign, whole dollars, two decimals. */
export function formatCents(cents: bigint): string {
  const digits = (cents < 0n ? -cents : cents).toString().padStart(3, "0");
  return `${cents < 0n ? "-" : ""}${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

/** A price per kg with two decimals, or up to four when a fallback share needs them: "4.00", "2.2575". */
export function formatRate(rate: Rate): string {
  const digits = rate.toString().padStart(5, "0");
  return `${digits.slice(0, -4)}.${digits.slice(-4).replace(/0{1,2}$/, "")}`;
}

/** Grams as kg without trailing zeros: "500", "500.123". */
export const formatKg = (grams: bigint) => gramsToKg(grams).replace(/\.?0+$/, "");

/** The recent sales average of a grade, or its fallback share of the order line's price. */
export function getPrice(input: ParsedInput, grade: QualityGrade): Price {
  const seen = input.prices[grade];
  if (seen) return { grade, rate: rateOf(seen.price_per_kg), sales: seen.sales };
  const share = BigInt(returnRules.fallbackPricePct[grade]);
  return { grade, rate: usdToCents(input.original_price_per_kg) * share, sales: null };
}

/** Where a price came from, after the figure: "4.50: average of 10 recent exchange sales". */
export function describePrice(price: Price, input: ParsedInput): string {
  const grade = humanize(price.grade);
  if (price.sales !== null)
    return `${formatRate(price.rate)}: average of ${price.sales} recent ${grade} sale${price.sales === 1 ? "" : "s"}`;
  const share = returnRules.fallbackPricePct[price.grade];
  return `${formatRate(price.rate)}: fallback, ${share}% of the order price ${input.original_price_per_kg}, with no recent ${grade} sales`;
}
