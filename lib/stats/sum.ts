// Exact sums of counters: kilograms carry three decimals and dollars two, so they add as integers.
import type { Count } from "./counts";

function toScaled(value: string, scale: number): bigint {
  const negative = value.startsWith("-");
  const [whole, fraction = ""] = value.replace(/^-/, "").split(".");
  const n = BigInt(whole + fraction.padEnd(scale, "0").slice(0, scale));
  return negative ? -n : n;
}

function fromScaled(n: bigint, scale: number): string {
  const digits = (n < 0n ? -n : n).toString().padStart(scale + 1, "0");
  return `${n < 0n ? "-" : ""}${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
}

export const noCount: Count = { n: 0, kg: "0.000", usd: "0.00" };

/** The sum of the given counters (missing ones count as nothing). */
export function sumCounts(counts: (Count | undefined)[]): Count {
  let n = 0;
  let kg = 0n;
  let usd = 0n;
  for (const c of counts) {
    if (!c) continue;
    n += c.n;
    kg += toScaled(c.kg, 3);
    usd += toScaled(c.usd, 2);
  }
  return { n, kg: fromScaled(kg, 3), usd: fromScaled(usd, 2) };
}
