// The named factors behind a batch's fraud risk score: each says what it saw, what it added and why.
// Pure and exact: quantities and prices are compared as integers (grams, cents), dates as ISO strings.
import { gramsToKg, kgToGrams, usdToCents } from "@/lib/chain/units";

// Weights sum to 100, so a batch that trips every factor in full scores exactly 100.
export const FRAUD_WEIGHTS = {
  quantity_mismatch: 25,
  repeated_discrepancies: 15,
  price_outlier: 15,
  inconsistent_dates: 15,
  metadata_hash_reused: 20,
  verification_timing: 10,
} as const;

export type FraudFactorName = keyof typeof FRAUD_WEIGHTS;
export type FraudFactor = {
  name: FraudFactorName;
  weight: number;
  value: string | number | null;
  points: number;
  reason: string;
};

function factor(name: FraudFactorName, value: FraudFactor["value"], points: number, reason: string): FraudFactor {
  const weight = FRAUD_WEIGHTS[name];
  return { name, weight, value, points: Math.min(weight, points), reason };
}

const plural = (n: number, word: string, words = `${word}s`) => `${n} ${n === 1 ? word : words}`;

/** Issues are [points, clause] pairs: the points add up (capped at the weight) and the clauses make one sentence. */
function fromIssues(
  name: FraudFactorName,
  value: FraudFactor["value"],
  issues: [number, string][],
  okReason: string,
): FraudFactor {
  if (issues.length === 0) return factor(name, value, 0, okReason);
  const text = issues.map(([, clause]) => clause).join("; ");
  return factor(
    name,
    value,
    issues.reduce((sum, [points]) => sum + points, 0),
    `${text.charAt(0).toUpperCase()}${text.slice(1)}.`,
  );
}

/** Any difference scores; ≤ 1 % → 10, ≤ 5 % → 18, more (or nothing off chain) → 25. */
export function getQuantityMismatch(onchainGrams: bigint | null, offchainKg: string): FraudFactor {
  if (onchainGrams === null) return factor("quantity_mismatch", null, 0, "Not on chain yet: no quantity to compare.");
  const offchainGrams = kgToGrams(offchainKg);
  const delta = onchainGrams - offchainGrams;
  const diff = delta < 0n ? -delta : delta;
  // Said in kg, as people weigh coffee; the value is the signed difference in kg, exact.
  const deltaKg = `${delta < 0n ? "-" : ""}${gramsToKg(diff)}`;
  if (diff === 0n)
    return factor(
      "quantity_mismatch",
      "0",
      0,
      `On-chain and off-chain quantities match exactly (${gramsToKg(onchainGrams)} kg).`,
    );
  const seen = `On-chain ${gramsToKg(onchainGrams)} kg vs off-chain ${offchainKg} kg`;
  if (offchainGrams === 0n) return factor("quantity_mismatch", deltaKg, 25, `${seen}: nothing recorded off chain.`);
  const points = diff * 100n <= offchainGrams ? 10 : diff * 20n <= offchainGrams ? 18 : 25;
  const basisPoints = (diff * 20000n + offchainGrams) / (2n * offchainGrams); // hundredths of a percent, half-up
  const pct =
    basisPoints === 0n ? "<0.01" : `${basisPoints / 100n}.${(basisPoints % 100n).toString().padStart(2, "0")}`;
  return factor("quantity_mismatch", deltaKg, points, `${seen}: ${gramsToKg(diff)} kg apart (${pct}%).`);
}

/** One past discrepancy can be bad luck; every one beyond the first, per operator or warehouse, adds 3. */
export function getRepeatedDiscrepancies(operator: number, warehouse: number): FraudFactor {
  const excess = Math.max(0, operator - 1) + Math.max(0, warehouse - 1);
  const seen = `Operator has ${plural(operator, "past discrepancy", "past discrepancies")}, warehouse has ${warehouse}`;
  return factor(
    "repeated_discrepancies",
    `operator ${operator}, warehouse ${warehouse}`,
    excess * 3,
    excess === 0 ? `${seen}: no repeated pattern.` : `${seen}: ${excess} beyond the first of each.`,
  );
}

/** Twice the median, so the middle of an even count stays an integer. */
function getDoubleMedian(values: bigint[]): bigint {
  const sorted = [...values].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? 2n * sorted[mid] : sorted[mid - 1] + sorted[mid];
}

/** Formats value/per US dollars exactly (`per` divides 10000), with 2 to 4 decimals. */
function formatUsd(value: bigint, per: bigint): string {
  const digits = ((value * 10000n) / per).toString().padStart(5, "0");
  return `$${digits.slice(0, -4)}.${digits.slice(-4).replace(/0{1,2}$/, "")}`;
}

/**
 * Modified z-score M = 0.6745·(x − median)/MAD (Iglewicz & Hoaglin, 1993) against the origin's
 * peers; |M| > 3.5 is an outlier and scores the full 15. Needs at least 5 peers and MAD > 0.
 * Exact: in cents, median2 = 2·median and mad4 = 4·MAD are integers, so
 * |M| > 3.5 ⇔ 13490·|2x − median2| > 35000·mad4. M is reported to 3 decimals, half away from zero.
 */
export function getPriceOutlier(priceUsd: string, peerPricesUsd: string[]): FraudFactor {
  if (peerPricesUsd.length < 5)
    return factor(
      "price_outlier",
      null,
      0,
      `Only ${plural(peerPricesUsd.length, "peer price")} for this origin: at least 5 are needed to judge the price.`,
    );
  const peers = peerPricesUsd.map(usdToCents);
  const median2 = getDoubleMedian(peers);
  const mad4 = getDoubleMedian(peers.map((p) => (2n * p > median2 ? 2n * p - median2 : median2 - 2n * p)));
  if (mad4 === 0n)
    return factor("price_outlier", null, 0, "Peer prices are too uniform (MAD is 0) to judge the price.");
  const offset2 = 2n * usdToCents(priceUsd) - median2;
  const abs2 = offset2 < 0n ? -offset2 : offset2;
  const mThousandths = (abs2 * 13490n * 2n + 10n * mad4) / (20n * mad4); // |M|·1000, half-up
  const m = Number(offset2 < 0n ? -mThousandths : mThousandths) / 1000;
  const seen = `Price $${priceUsd}/kg against ${peers.length} peers (median ${formatUsd(median2, 200n)}/kg, MAD ${formatUsd(mad4, 400n)})`;
  if (abs2 * 13490n > 35000n * mad4)
    return factor(
      "price_outlier",
      m,
      15,
      `${seen} is far ${offset2 > 0n ? "above" : "below"} them: modified z-score ${m} beyond ±3.5.`,
    );
  return factor("price_outlier", m, 0, `${seen} is in line: modified z-score ${m} within ±3.5.`);
}

const addYears = (isoDate: string, years: number) =>
  `${String(Number(isoDate.slice(0, 4)) + years).padStart(4, "0")}${isoDate.slice(4)}`;

/**
 * Expiry not after production → 15, production in the future → 10, harvest after production → 10,
 * shelf life over 3 years (green coffee keeps about one) → 5; capped at 15. Dates are compared as
 * ISO strings, which order like the dates; "today" is the UTC date of `now`.
 */
export function getInconsistentDates(d: {
  production: string;
  expiry: string;
  harvest?: string;
  now: string;
}): FraudFactor {
  const today = new Date(Date.parse(d.now)).toISOString().slice(0, 10);
  const issues: [number, string][] = [];
  if (d.expiry <= d.production) issues.push([15, `expiry ${d.expiry} is not after production ${d.production}`]);
  if (d.production > today) issues.push([10, `production ${d.production} is in the future (today is ${today})`]);
  if (d.harvest !== undefined && d.harvest > d.production)
    issues.push([10, `harvest ${d.harvest} is after production ${d.production}`]);
  if (d.expiry > addYears(d.production, 3))
    issues.push([5, `shelf life from ${d.production} to ${d.expiry} is over 3 years`]);
  const value = `production ${d.production}, expiry ${d.expiry}${d.harvest ? `, harvest ${d.harvest}` : ""}`;
  return fromIssues("inconsistent_dates", value, issues, "Harvest, production and expiry dates are consistent.");
}

/** Metadata includes the unique batch code, so a shared hash means copied metadata: 1 other → 15, more → 20. */
export function getMetadataHashReused(otherBatches: number): FraudFactor {
  if (otherBatches === 0) return factor("metadata_hash_reused", 0, 0, "No other batch carries this metadata hash.");
  return factor(
    "metadata_hash_reused",
    otherBatches,
    otherBatches === 1 ? 15 : 20,
    `${plural(otherBatches, "other batch", "other batches")} ${otherBatches === 1 ? "carries" : "carry"} this metadata hash.`,
  );
}

const FAST_VERIFICATION_MS = 60_000;
const REQUEST_WINDOW_MS = 3_600_000;
const MAX_REQUESTS_PER_WINDOW = 5;

/** The most timestamps falling inside any window of `REQUEST_WINDOW_MS` (start inclusive, end exclusive). */
function getBusiestWindow(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  for (let start = 0, end = 0; end < sorted.length; end++) {
    while (sorted[end] - sorted[start] >= REQUEST_WINDOW_MS) start++;
    best = Math.max(best, end - start + 1);
  }
  return best;
}

/**
 * Verified before creation → 10; verified within 60 s of creation (too quick for a physical check) → 6;
 * more than 5 verification requests inside one hour (retrying until one passes) → 5; capped at 10.
 */
export function getVerificationTiming(t: { createdAt?: string; verifiedAt?: string; requests: string[] }): FraudFactor {
  const busiest = getBusiestWindow(t.requests.map((r) => Date.parse(r)));
  const issues: [number, string][] = [];
  let seen = `${plural(busiest, "request")} in the busiest hour`;
  if (t.createdAt !== undefined && t.verifiedAt !== undefined) {
    const ms = Date.parse(t.verifiedAt) - Date.parse(t.createdAt);
    seen = `verified ${Math.abs(ms) / 1000} s ${ms < 0 ? "before" : "after"} creation, ${seen}`;
    if (ms < 0) issues.push([10, `verified ${-ms / 1000} s before the batch was created`]);
    else if (ms <= FAST_VERIFICATION_MS)
      issues.push([6, `verified ${ms / 1000} s after creation, too quick for an inspection`]);
  }
  if (busiest > MAX_REQUESTS_PER_WINDOW)
    issues.push([5, `${busiest} verification requests within one hour (more than ${MAX_REQUESTS_PER_WINDOW})`]);
  return fromIssues("verification_timing", seen, issues, "Verification timing looks normal.");
}
