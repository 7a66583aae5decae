// Fraud risk score: a clean batch, each factor alone, the cap, determinism and the MAD arithmetic.
import { describe, expect, it } from "vitest";

import { FRAUD_WEIGHTS, type FraudFactor, type FraudFactorName } from "@/lib/fraud/factors";
import { FRAUD_MODEL_VERSION, scoreFraud, ZFraudInput, type FraudInput } from "@/lib/fraud/score";

const cleanBatch: FraudInput = {
  onchain_quantity_grams: 1250500n,
  offchain_quantity_kg: "1250.500",
  operator_discrepancies: 1,
  warehouse_discrepancies: 0,
  price_per_kg: "12.50",
  peer_prices_per_kg: ["10.00", "11.00", "12.00", "13.00", "14.00"],
  production_date: "2025-03-01",
  expiry_date: "2026-03-01",
  harvest_date: "2025-01-15",
  now: "2025-06-01T12:00:00Z",
  metadata_hash_reuse_count: 0,
  created_at: "2025-03-02T09:00:00Z",
  verified_at: "2025-03-05T15:30:00Z",
  verification_requests: ["2025-03-05T15:00:00Z"],
};

const score = (changes: Partial<FraudInput>) => scoreFraud({ ...cleanBatch, ...changes });
const factorOf = (changes: Partial<FraudInput>, name: FraudFactorName) =>
  score(changes).factors.find((f) => f.name === name);

/** Asserts that `name` is the only factor that scored, and that it matches `expected`. */
function expectAlone(
  changes: Partial<FraudInput>,
  name: FraudFactorName,
  expected: Partial<FraudFactor> & { points: number },
) {
  const result = score(changes);
  expect(result.factors.find((f) => f.name === name)).toMatchObject(expected);
  expect(result.factors.filter((f) => f.name !== name && f.points > 0)).toEqual([]);
  expect(result.score).toBe(expected.points);
}

describe("scoreFraud", () => {
  it("scores a clean batch 0 and still reports every factor", () => {
    expect(scoreFraud(cleanBatch)).toEqual({
      score: 0,
      version: FRAUD_MODEL_VERSION,
      factors: [
        {
          name: "quantity_mismatch",
          weight: 25,
          value: "0",
          points: 0,
          reason: "On-chain and off-chain quantities match exactly (1250.500 kg).",
        },
        {
          name: "repeated_discrepancies",
          weight: 15,
          value: "operator 1, warehouse 0",
          points: 0,
          reason: "Operator has 1 past discrepancy, warehouse has 0: no repeated pattern.",
        },
        {
          name: "price_outlier",
          weight: 15,
          value: 0.337,
          points: 0,
          reason:
            "Price $12.50/kg against 5 peers (median $12.00/kg, MAD $1.00) is in line: modified z-score 0.337 within ±3.5.",
        },
        {
          name: "inconsistent_dates",
          weight: 15,
          value: "production 2025-03-01, expiry 2026-03-01, harvest 2025-01-15",
          points: 0,
          reason: "Harvest, production and expiry dates are consistent.",
        },
        {
          name: "metadata_hash_reused",
          weight: 20,
          value: 0,
          points: 0,
          reason: "No other batch carries this metadata hash.",
        },
        {
          name: "verification_timing",
          weight: 10,
          value: "verified 282600 s after creation, 1 request in the busiest hour",
          points: 0,
          reason: "Verification timing looks normal.",
        },
      ],
    });
  });

  it("has weights that sum to 100", () => {
    expect(Object.values(FRAUD_WEIGHTS).reduce((a, b) => a + b, 0)).toBe(100);
  });

  it("scores a quantity mismatch by how far apart the two records are", () => {
    expectAlone({ onchain_quantity_grams: 1250000n }, "quantity_mismatch", {
      value: "-0.500",
      points: 10,
      reason: "On-chain 1250.000 kg vs off-chain 1250.500 kg: 0.500 kg apart (0.04%).",
    });
    const points = (onchain: string) =>
      factorOf({ onchain_quantity_grams: onchain, offchain_quantity_kg: "1000" }, "quantity_mismatch")?.points;
    expect(points("1000000")).toBe(0);
    expect(points("1000001")).toBe(10);
    expect(points("1010000")).toBe(10); // exactly 1 %
    expect(points("1010001")).toBe(18);
    expect(points("950000")).toBe(18); // exactly 5 % short
    expect(points("1050001")).toBe(25);
    expect(factorOf({ onchain_quantity_grams: null }, "quantity_mismatch")).toMatchObject({ value: null, points: 0 });
  });

  it("scores discrepancies beyond the first per operator and warehouse, 3 points each", () => {
    expectAlone({ operator_discrepancies: 3, warehouse_discrepancies: 2 }, "repeated_discrepancies", {
      value: "operator 3, warehouse 2",
      points: 9,
      reason: "Operator has 3 past discrepancies, warehouse has 2: 3 beyond the first of each.",
    });
    expect(factorOf({ operator_discrepancies: 20 }, "repeated_discrepancies")?.points).toBe(15);
  });

  it("flags a price far above its origin's peers by the modified z-score", () => {
    // Peers $10, $11, $12, $13, $14: median $12; absolute deviations 2, 1, 0, 1, 2 → sorted 0, 1, 1, 2, 2 → MAD $1.
    // x = $20: M = 0.6745 × (20 − 12) / 1 = 5.396 > 3.5 → outlier.
    expectAlone({ price_per_kg: "20.00" }, "price_outlier", {
      value: 5.396,
      points: 15,
      reason:
        "Price $20.00/kg against 5 peers (median $12.00/kg, MAD $1.00) is far above them: modified z-score 5.396 beyond ±3.5.",
    });
    // Either side of 3.5: 0.6745 × 5.18 = 3.49391 (in line), 0.6745 × 5.19 = 3.500655 (outlier).
    expect(factorOf({ price_per_kg: "17.18" }, "price_outlier")).toMatchObject({ value: 3.494, points: 0 });
    expect(factorOf({ price_per_kg: "17.19" }, "price_outlier")).toMatchObject({ value: 3.501, points: 15 });
    // x = $5: M = 0.6745 × (5 − 12) / 1 = −4.7215 → −4.722 (half away from zero), below the peers.
    expect(factorOf({ price_per_kg: "5.00" }, "price_outlier")).toMatchObject({
      value: -4.722,
      points: 15,
      reason: expect.stringContaining("far below"),
    });
  });

  it("works the MAD example with an even number of peers", () => {
    // Peers $8, $10, $12, $14, $16, $30: median (12 + 14) / 2 = $13.
    // Absolute deviations 5, 3, 1, 1, 3, 17 → sorted 1, 1, 3, 3, 5, 17 → MAD (3 + 3) / 2 = $3; the $30 peer does not move it.
    // x = $30: M = 0.6745 × (30 − 13) / 3 = 0.6745 × 17 / 3 = 3.82216… → 3.822 > 3.5 → outlier.
    expect(
      factorOf(
        { price_per_kg: "30.00", peer_prices_per_kg: ["8.00", "10.00", "12.00", "14.00", "16.00", "30.00"] },
        "price_outlier",
      ),
    ).toEqual({
      name: "price_outlier",
      weight: 15,
      value: 3.822,
      points: 15,
      reason:
        "Price $30.00/kg against 6 peers (median $13.00/kg, MAD $3.00) is far above them: modified z-score 3.822 beyond ±3.5.",
    });
  });

  it("does not judge a price without at least 5 peers or with MAD 0", () => {
    expect(
      factorOf({ price_per_kg: "99.00", peer_prices_per_kg: ["10.00", "11.00", "12.00", "13.00"] }, "price_outlier"),
    ).toMatchObject({
      value: null,
      points: 0,
      reason: "Only 4 peer prices for this origin: at least 5 are needed to judge the price.",
    });
    // Median $12, deviations 0, 0, 0, 1, 2 → MAD 0.
    expect(
      factorOf(
        { price_per_kg: "99.00", peer_prices_per_kg: ["12.00", "12.00", "12.00", "13.00", "14.00"] },
        "price_outlier",
      ),
    ).toMatchObject({
      value: null,
      points: 0,
      reason: "Peer prices are too uniform (MAD is 0) to judge the price.",
    });
  });

  it.each([
    [{ expiry_date: "2025-03-01" }, 15, "Expiry 2025-03-01 is not after production 2025-03-01."],
    [
      { production_date: "2025-07-01", expiry_date: "2026-07-01" },
      10,
      "Production 2025-07-01 is in the future (today is 2025-06-01).",
    ],
    [{ harvest_date: "2025-04-01" }, 10, "Harvest 2025-04-01 is after production 2025-03-01."],
    [{ expiry_date: "2028-03-02" }, 5, "Shelf life from 2025-03-01 to 2028-03-02 is over 3 years."],
    [
      { expiry_date: "2025-02-01", harvest_date: "2025-04-01" },
      15,
      "Expiry 2025-02-01 is not after production 2025-03-01; harvest 2025-04-01 is after production 2025-03-01.",
    ],
  ])("flags inconsistent dates %o", (changes, points, reason) => {
    expectAlone(changes, "inconsistent_dates", { points, reason });
  });

  it("accepts exactly 3 years of shelf life, a missing harvest and production today in UTC", () => {
    expect(score({ expiry_date: "2028-03-01" }).score).toBe(0);
    expect(score({ harvest_date: undefined }).score).toBe(0);
    expect(
      score({ production_date: "2025-06-02", expiry_date: "2026-06-02", now: "2025-06-01T23:30:00-05:00" }).score,
    ).toBe(0);
  });

  it("scores a reused metadata hash by how many other batches carry it", () => {
    expectAlone({ metadata_hash_reuse_count: 1 }, "metadata_hash_reused", {
      value: 1,
      points: 15,
      reason: "1 other batch carries this metadata hash.",
    });
    expect(factorOf({ metadata_hash_reuse_count: 3 }, "metadata_hash_reused")).toMatchObject({
      points: 20,
      reason: "3 other batches carry this metadata hash.",
    });
  });

  it("flags verification before creation or within 60 seconds of it", () => {
    expectAlone({ verified_at: "2025-03-02T08:59:00Z" }, "verification_timing", {
      value: "verified 60 s before creation, 1 request in the busiest hour",
      points: 10,
      reason: "Verified 60 s before the batch was created.",
    });
    expectAlone({ verified_at: "2025-03-02T09:00:30Z" }, "verification_timing", {
      points: 6,
      reason: "Verified 30 s after creation, too quick for an inspection.",
    });
    expect(factorOf({ verified_at: "2025-03-02T09:01:00Z" }, "verification_timing")?.points).toBe(6);
    expect(factorOf({ verified_at: "2025-03-02T09:01:01Z" }, "verification_timing")?.points).toBe(0);
    expect(factorOf({ verified_at: null, created_at: undefined }, "verification_timing")).toMatchObject({
      value: "1 request in the busiest hour",
      points: 0,
    });
  });

  it("flags more than 5 verification requests within one hour", () => {
    const at = (...minutes: number[]) => minutes.map((m) => new Date(Date.UTC(2025, 2, 5, 15, m)).toISOString());
    expectAlone({ verification_requests: at(0, 10, 20, 30, 40, 50) }, "verification_timing", {
      points: 5,
      reason: "6 verification requests within one hour (more than 5).",
    });
    expect(score({ verification_requests: at(0, 10, 20, 30, 40) }).score).toBe(0);
    expect(score({ verification_requests: at(0, 12, 24, 36, 48, 60) }).score).toBe(0); // 15:00 and 16:00 are a full hour apart
  });

  it("caps every factor at its weight and the score at 100", () => {
    const result = score({
      onchain_quantity_grams: "2000000",
      operator_discrepancies: 9,
      warehouse_discrepancies: 9,
      price_per_kg: "40.00",
      expiry_date: "2025-02-01",
      harvest_date: "2025-04-01",
      metadata_hash_reuse_count: 5,
      verified_at: "2025-03-01T00:00:00Z",
      verification_requests: Array.from({ length: 8 }, (_, i) => `2025-03-05T15:0${i}:00Z`),
    });
    expect(result.score).toBe(100);
    expect(result.factors.map((f) => f.points)).toEqual(result.factors.map((f) => f.weight));
  });

  it("gives the same output for the same input, whatever the order of peers and requests", () => {
    const input: FraudInput = {
      ...cleanBatch,
      price_per_kg: "20.00",
      verification_requests: ["2025-03-05T15:00:00Z", "2025-03-05T14:00:00Z"],
    };
    const reordered: FraudInput = {
      ...input,
      peer_prices_per_kg: ["14.00", "10.00", "13.00", "11.00", "12.00"],
      verification_requests: ["2025-03-05T14:00:00Z", "2025-03-05T15:00:00Z"],
    };
    expect(scoreFraud(input)).toEqual(scoreFraud(input));
    expect(scoreFraud(reordered)).toEqual(scoreFraud(input));
    expect(JSON.parse(JSON.stringify(scoreFraud(input)))).toEqual(scoreFraud(input));
  });
});

describe("ZFraudInput", () => {
  it.each([
    [{ offchain_quantity_kg: "1250.5001" }, "offchain_quantity_kg"],
    [{ onchain_quantity_grams: "-5" }, "onchain_quantity_grams"],
    [{ onchain_quantity_grams: -5n }, "onchain_quantity_grams"],
    [{ price_per_kg: "12.345" }, "price_per_kg"],
    [{ peer_prices_per_kg: ["12", "abc"] }, "peer_prices_per_kg.1"],
    [{ now: "2025-06-01" }, "now"],
    [{ production_date: "2025-02-30" }, "production_date"],
    [{ metadata_hash_reuse_count: -1 }, "metadata_hash_reuse_count"],
    [{ operator_discrepancies: 1.5 }, "operator_discrepancies"],
  ])("rejects %o", (changes, path) => {
    const result = ZFraudInput.safeParse({ ...cleanBatch, ...changes });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join("."))).toContain(path);
  });
});
