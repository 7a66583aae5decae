// The returned-coffee recommendation: returns whose right answer is worked out by hand in the comments
// (one for each disposition), every boundary, exact rounding, fallback prices and refused input.
import { describe, expect, it } from "vitest";

import { ApiError } from "@/lib/api/errors";
import { dispositions } from "@/lib/db/enums";
import {
  recommendDisposition,
  RETURN_RULES_VERSION,
  returnRules,
  type Recommendation,
  type RecommendInput,
} from "@/lib/returns/recommend";

import fixtures from "./fixtures/returns/returns.json" with { type: "json" };

type Changes = Partial<Omit<RecommendInput, "inspection">> & { inspection?: Partial<RecommendInput["inspection"]> };
const make =
  (base: RecommendInput) =>
  (changes: Changes = {}): RecommendInput => ({
    ...base,
    ...changes,
    inspection: { ...base.inspection, ...changes.inspection },
  });

const valuesOf = (r: Recommendation) => Object.fromEntries(r.options.map((o) => [o.option, o.recovery_value]));
/** The recovery values by option, given in the dispositions order. */
const recoveries = (resell: string, downgrade: string, blend: string, return_to_producer: string, destroy: string) => ({
  resell,
  downgrade,
  blend,
  return_to_producer,
  destroy,
});
const feasibleOf = (r: Recommendation) => r.options.filter((o) => o.feasible).map((o) => o.option);
const sentenceOf = (r: Recommendation, option: string) => r.options.find((o) => o.option === option)!.sentence;
const factorOf = (r: Recommendation, name: string) => r.factors.find((f) => f.name === name)!;

// The returns, in test/fixtures/returns/returns.json:
// wrongLot: 1000 kg sent back as the wrong lot, inspected at its specialty contract grade, 20 days after delivery.
// transitDamage: 500 kg damaged in transit, premium on a specialty contract, 75 days after delivery.
// belowStandard: 2000 kg below standard on an exchange contract, cupping 72, past the claim window; no sales of
// below-standard coffee.
// belowContract: 1200 kg graded exchange on a specialty contract, claimed 30 days after delivery.
// contaminated: 750.5 kg of premium found contaminated.
const returns = fixtures as Record<keyof typeof fixtures, RecommendInput>;
const wrongLot = make(returns.wrongLot);
const transitDamage = make(returns.transitDamage);
const belowStandard = make(returns.belowStandard);
const belowContract = make(returns.belowContract);
const contaminated = make(returns.contaminated);

describe("recommendDisposition: one return for each disposition", () => {
  it("resells coffee sent back as the wrong lot that meets its contract grade", () => {
    const r = recommendDisposition(wrongLot());
    // resell 1000 × 8.00; downgrade 1000 × 4.00; blend 1000 × ((8.00 + 4.00) / 2 − 0.25) = 1000 × 5.75;
    // return 1000 × (7.50 − 0.50); destroy 1000 × −0.30.
    expect(valuesOf(r)).toEqual(recoveries("8000.00", "4000.00", "5750.00", "7000.00", "-300.00"));
    expect(feasibleOf(r)).toEqual([...dispositions]);
    expect(r.option).toBe("resell");
    // Supporting resell: grade 0.35, contamination 0.10, moisture 0.10, cupping 0.10, price 0.15, expiry 0.15
    // = 0.95 of 1.10 (the claim window points to returning it) = 0.8636 → 0.86.
    expect(r.confidence).toBe(0.86);
    expect(r.summary).toBe(
      "Resell as specialty recovers 8000.00, the most of the 5 feasible options (next best: return to producer, 7000.00).",
    );
    expect(factorOf(r, "grade_against_contract")).toEqual({
      name: "grade_against_contract",
      value: "specialty vs specialty contract",
      weight: 0.35,
      sentence: "Inspected specialty, meeting the specialty contract: it can be sold again as specialty.",
      supports: ["resell"],
    });
    expect(factorOf(r, "claim_window").supports).toEqual(["return_to_producer"]);
    expect(sentenceOf(r, "resell")).toBe(
      "Resell as specialty: 1000 kg × 8.00 per kg = 8000.00 (8.00: average of 5 recent specialty sales).",
    );
    expect(r.rules_version).toBe(RETURN_RULES_VERSION);
    expect(r.options.map((o) => o.option)).toEqual([...dispositions]);
  });

  it("downgrades premium damaged in transit on a specialty contract, past the claim window", () => {
    const r = recommendDisposition(transitDamage());
    // resell 500 × 4.80; downgrade 500 × 4.50; blend 500 × ((4.80 + 4.50) / 2 − 0.25) = 500 × 4.40;
    // return 500 × (7.00 − 0.50); destroy 500 × −0.30.
    expect(valuesOf(r)).toEqual(recoveries("2400.00", "2250.00", "2200.00", "3250.00", "-150.00"));
    expect(feasibleOf(r)).toEqual(["downgrade", "blend", "destroy"]);
    expect(r.option).toBe("downgrade");
    // Every factor supports downgrading: 1.10 of 1.10 = 1.00, clamped to 0.95.
    expect(r.confidence).toBe(0.95);
    expect(sentenceOf(r, "resell")).toBe(
      "Resell as premium is not possible: inspected premium is below the specialty contract; it would recover 500 kg × 4.80 per kg = 2400.00 (4.80: average of 3 recent premium sales).",
    );
    expect(sentenceOf(r, "return_to_producer")).toBe(
      "Return to producer is not possible: a transit damage return is not the producer's to answer for; 75 days since delivery is past the 60-day claim window; it would recover 500 kg × (7.00 order price − 0.50 freight back) per kg = 3250.00.",
    );
    expect(factorOf(r, "grade_against_contract").sentence).toBe(
      "Inspected premium, below the specialty contract: it can only be sold below specialty.",
    );
    expect(factorOf(r, "claim_window").sentence).toBe(
      "Delivered 75 days ago, past the 60-day claim window: the producer no longer takes it back.",
    );
  });

  it("blends below-standard coffee that still cups 72, on a fallback price", () => {
    const r = recommendDisposition(belowStandard());
    // Below standard has no sales: 35 % of 4.20 = 1.47. resell 2000 × 1.47; downgrade 2000 × 4.00;
    // blend 2000 × ((1.47 + 4.00) / 2 − 0.25) = 2000 × 2.485; return 2000 × 3.70; destroy 2000 × −0.30.
    expect(valuesOf(r)).toEqual(recoveries("2940.00", "8000.00", "4970.00", "7400.00", "-600.00"));
    expect(feasibleOf(r)).toEqual(["blend", "destroy"]);
    expect(r.option).toBe("blend");
    // Supporting blend: all but price evidence = 0.95 of 1.10, × 0.8 for the fallback = 0.6909 → 0.69.
    expect(r.confidence).toBe(0.69);
    expect(sentenceOf(r, "blend")).toBe(
      "Blend: 2000 kg × ((below standard 1.47 + exchange 4.00) / 2 − 0.25 blending) per kg = 4970.00 (1.47: fallback, 35% of the order price 4.20, with no recent below standard sales; 4.00: average of 6 recent exchange sales).",
    );
    expect(sentenceOf(r, "downgrade")).toContain("not possible: inspected below standard is below exchange grade");
    expect(factorOf(r, "price_evidence")).toEqual({
      name: "price_evidence",
      value: "0 below standard, 6 exchange sales",
      weight: 0.15,
      sentence: "No recent below standard sales: the blend value rests on a fallback share of the order price.",
      supports: ["downgrade", "return_to_producer", "destroy"],
    });
    expect(r.summary).toBe("Blend recovers 4970.00, the most of the 2 feasible options (next best: destroy, -600.00).");
  });

  it("returns to the producer coffee below its contract, claimed within the window", () => {
    const r = recommendDisposition(belowContract());
    // resell 1200 × 3.90; downgrade 1200 × 3.90; blend 1200 × ((3.90 + 3.90) / 2 − 0.25) = 1200 × 3.65;
    // return 1200 × (7.60 − 0.50) = 1200 × 7.10; destroy 1200 × −0.30.
    expect(valuesOf(r)).toEqual(recoveries("4680.00", "4680.00", "4380.00", "8520.00", "-360.00"));
    expect(feasibleOf(r)).toEqual(["downgrade", "blend", "return_to_producer", "destroy"]);
    expect(r.option).toBe("return_to_producer");
    // Supporting return: grade 0.35, contamination 0.10, claim window 0.15, price 0.15 = 0.75 of 1.10 → 0.68.
    expect(r.confidence).toBe(0.68);
    expect(factorOf(r, "grade_against_contract").sentence).toBe(
      "Inspected exchange, below the specialty contract: the producer's coffee did not meet it.",
    );
    expect(factorOf(r, "claim_window").sentence).toBe(
      "Delivered 30 days ago, within the 60-day claim window, for a reason the producer answers for (quality below contract).",
    );
    expect(r.summary).toBe(
      "Return to producer recovers 8520.00, the most of the 4 feasible options (next best: downgrade to exchange (commercial grade), 4680.00).",
    );
  });

  it("destroys contaminated coffee, whatever the others would recover", () => {
    const r = recommendDisposition(contaminated());
    // 750.5 kg: resell × 6.20 = 4653.10; downgrade × 4.10 = 3077.05; blend × ((6.20 + 4.10) / 2 − 0.25) =
    // × 4.90 = 3677.45; return × (6.00 − 0.50) = × 5.50 = 4127.75; destroy × −0.30 = −225.15.
    expect(valuesOf(r)).toEqual(recoveries("4653.10", "3077.05", "3677.45", "4127.75", "-225.15"));
    expect(feasibleOf(r)).toEqual(["destroy"]);
    expect(r.option).toBe("destroy");
    expect(r.confidence).toBe(0.95);
    expect(r.summary).toBe(
      "Destroy: the coffee is contaminated, so food safety rules out every other option (disposal costs 225.15).",
    );
    expect(factorOf(r, "contamination")).toMatchObject({ value: "found", weight: 1, supports: ["destroy"] });
    expect(sentenceOf(r, "resell")).toMatch(/^Resell as premium is not possible: the coffee is contaminated;/);
  });

  it("destroys coffee nothing else can take, with its confidence from the factors", () => {
    // 100 kg below standard, cupping 65, moisture 14 %, damaged in transit, 10 days to expiry, no sales at all:
    // below standard 35 % of 3.00 = 1.05, exchange 60 % = 1.80.
    const r = recommendDisposition(returns.unsellable);
    // resell 100 × 1.05; downgrade 100 × 1.80; blend 100 × ((1.05 + 1.80) / 2 − 0.25) = 100 × 1.175;
    // return 100 × 2.50; destroy 100 × −0.30.
    expect(valuesOf(r)).toEqual(recoveries("105.00", "180.00", "117.50", "250.00", "-30.00"));
    expect(feasibleOf(r)).toEqual(["destroy"]);
    expect(r.option).toBe("destroy");
    // Supporting destroy: grade 0.35, moisture 0.10, cupping 0.10, price 0.15, expiry 0.15 = 0.85 of 1.10 → 0.77.
    expect(r.confidence).toBe(0.77);
    expect(r.summary).toBe("Destroy is the only feasible option, recovering -30.00.");
    expect(sentenceOf(r, "blend")).toContain(
      "not possible: moisture 14% is outside 9–13%; cupping 65 is under 70; it would recover",
    );
  });
});

describe("recommendDisposition: boundaries", () => {
  it("takes a claim on day 60 and refuses it on day 61", () => {
    const onTime = recommendDisposition(belowContract({ days_since_delivery: 60 }));
    expect(onTime.option).toBe("return_to_producer");
    expect(factorOf(onTime, "claim_window").supports).toEqual(["return_to_producer"]);
    const late = recommendDisposition(belowContract({ days_since_delivery: 61 }));
    expect(late.option).toBe("downgrade");
    expect(feasibleOf(late)).toEqual(["downgrade", "blend", "destroy"]);
    expect(sentenceOf(late, "return_to_producer")).toContain("61 days since delivery is past the 60-day claim window");
    expect(factorOf(late, "claim_window").supports).toEqual(["resell", "downgrade", "blend"]);
  });

  it("resells with 30 days to expiry but not with 29", () => {
    expect(recommendDisposition(wrongLot({ days_to_expiry: 30 })).option).toBe("resell");
    const close = recommendDisposition(wrongLot({ days_to_expiry: 29 }));
    expect(close.option).toBe("return_to_producer");
    expect(sentenceOf(close, "resell")).toContain("29 days to expiry, under the 30 days needed to resell");
    expect(factorOf(close, "expiry").supports).not.toContain("resell");
  });

  it("blends at 13 % moisture but not at 13.01 %, nor under 70 cupping", () => {
    expect(recommendDisposition(belowStandard({ inspection: { moisture_pct: 13 } })).option).toBe("blend");
    expect(recommendDisposition(belowStandard({ inspection: { moisture_pct: 9 } })).option).toBe("blend");
    expect(recommendDisposition(belowStandard({ inspection: { cupping_score: 70 } })).option).toBe("blend");
    for (const inspection of [{ moisture_pct: 13.01 }, { moisture_pct: 8.99 }, { cupping_score: 69.99 }]) {
      const r = recommendDisposition(belowStandard({ inspection }));
      expect(r.option).toBe("destroy");
      expect(feasibleOf(r)).toEqual(["destroy"]);
    }
  });

  it("breaks a tie by the dispositions order and says so", () => {
    // 1000 kg exchange on an exchange contract: resell and downgrade both 1000 × 4.00; blend 1000 × 3.75;
    // return (not feasible for transit damage) 1000 × (4.50 − 0.50) = 4000.00 too.
    const r = recommendDisposition(returns.tie);
    expect(valuesOf(r)).toEqual(recoveries("4000.00", "4000.00", "3750.00", "4000.00", "-300.00"));
    expect(r.option).toBe("resell");
    expect(r.summary).toBe(
      "Resell as exchange recovers 4000.00, the most of the 4 feasible options (tied with downgrade to exchange (commercial grade), 4000.00, and comes first in the dispositions order).",
    );
    // All but cupping (75 points to downgrading or blending): 1.00 of 1.10 → 0.91.
    expect(r.confidence).toBe(0.91);
  });

  it("rounds each value once to the cent, half away from zero", () => {
    // 50 g: resell × 1.01 = 5.05 ¢ → 0.05; downgrade × 0.60 (fallback) = 3 ¢; blend × ((1.01 + 0.60) / 2 − 0.25)
    // = × 0.555 = 2.775 ¢ → 0.03; return × 0.50 = 2.5 ¢ → 0.03; destroy × −0.30 = −1.5 ¢ → −0.02.
    const r = recommendDisposition(
      wrongLot({
        grams: "50",
        original_price_per_kg: "1.00",
        prices: { specialty: { price_per_kg: "1.01", sales: 1 } },
      }),
    );
    expect(valuesOf(r)).toEqual(recoveries("0.05", "0.03", "0.03", "0.03", "-0.02"));
    expect(sentenceOf(r, "resell")).toBe(
      "Resell as specialty: 0.05 kg × 1.01 per kg = 0.05 (1.01: average of 1 recent specialty sale).",
    );
  });

  it("clamps a weak confidence to 0.30", () => {
    // 100 kg premium on a premium contract, 20 days to expiry, cupping 65, moisture 13.5, no sales: only
    // downgrading (60 % of 5.00 = 3.00 → 300.00) and destroying are feasible. Supporting downgrade:
    // contamination 0.10, expiry 0.15 = 0.25 of 1.10, × 0.8 = 0.18, clamped to 0.30.
    const r = recommendDisposition(returns.weak);
    expect(valuesOf(r)).toEqual(recoveries("500.00", "300.00", "375.00", "450.00", "-30.00"));
    expect(r.option).toBe("downgrade");
    expect(r.confidence).toBe(0.3);
    expect(sentenceOf(r, "return_to_producer")).toContain("inspected premium meets the premium contract");
  });
});

describe("recommendDisposition: fallback prices", () => {
  it("prices a grade without sales from the order price: 100 %, 100 %, 60 %, 35 %", () => {
    expect(returnRules.fallbackPricePct).toEqual({ specialty: 100, premium: 100, exchange: 60, below_standard: 35 });
    // 1000 kg premium on a specialty contract, no sales, order price 6.45: premium 6.45, exchange 3.87.
    // resell 6450.00; downgrade 3870.00; blend 1000 × ((6.45 + 3.87) / 2 − 0.25) = 1000 × 4.91;
    // return 1000 × 5.95; destroy −300.00.
    const priced = make({ ...belowContract(), original_price_per_kg: "6.45", prices: {}, days_to_expiry: null });
    const r = recommendDisposition(priced({ grams: "1000000", inspection: { grade: "premium", cupping_score: 82 } }));
    expect(valuesOf(r)).toEqual(recoveries("6450.00", "3870.00", "4910.00", "5950.00", "-300.00"));
    expect(r.option).toBe("return_to_producer");
    expect(sentenceOf(r, "downgrade")).toBe(
      "Downgrade to exchange (commercial grade): 1000 kg × 3.87 per kg = 3870.00 (3.87: fallback, 60% of the order price 6.45, with no recent exchange sales).",
    );
    expect(factorOf(r, "price_evidence").supports).toEqual(["return_to_producer", "destroy"]);
    // Below standard at 35 % of 6.45 = 2.2575 per kg, kept exact: 1000 × 2.2575 = 2257.50.
    const low = recommendDisposition(priced({ grams: "1000000", inspection: { grade: "below_standard" } }));
    expect(valuesOf(low).resell).toBe("2257.50");
    expect(sentenceOf(low, "resell")).toContain("(2.2575: fallback, 35% of the order price 6.45, with no recent");
  });

  it("takes 20 % off the confidence when the recommended option's price is a fallback", () => {
    // The wrong-lot return without specialty sales: resell at 7.50 (7500.00) still beats return (7000.00); price
    // evidence no longer supports it: 0.80 of 1.10, × 0.8 = 0.5818 → 0.58 (0.86 with sales).
    const r = recommendDisposition(wrongLot({ prices: { exchange: { price_per_kg: "4.00", sales: 9 } } }));
    expect(r.option).toBe("resell");
    expect(valuesOf(r).resell).toBe("7500.00");
    expect(r.confidence).toBe(0.58);
    expect(factorOf(r, "price_evidence").sentence).toBe(
      "No recent specialty sales: the resell as specialty value rests on a fallback share of the order price.",
    );
  });
});

describe("recommendDisposition: refused input", () => {
  const refusal = (input: unknown) => {
    try {
      recommendDisposition(input);
    } catch (error) {
      expect(error).toBeInstanceOf(ApiError);
      expect((error as ApiError).code).toBe("validation_error");
      return (error as ApiError).message;
    }
    throw new Error("accepted bad input");
  };

  it.each([
    [{ grams: "0" }, "grams: must be more than zero"],
    [{ grams: "-5" }, "grams: must be a whole number of grams"],
    [{ grams: "1.5" }, "grams: must be a whole number of grams"],
    [{ original_price_per_kg: "6.405" }, "original_price_per_kg: must be a number (0 or more) with at most 2 decimals"],
    [{ original_price_per_kg: "-1.00" }, "original_price_per_kg: must be a number (0 or more)"],
    [{ prices: { exchange: { price_per_kg: "4,00", sales: 3 } } }, "prices.exchange.price_per_kg: must be a number"],
    [{ prices: { exchange: { price_per_kg: "4.00", sales: 0 } } }, "prices.exchange.sales: must be at least 1"],
    [{ reason: "stolen" }, "reason:"],
    [{ days_since_delivery: -1 }, "days_since_delivery: must not be negative"],
    [{ days_to_expiry: 2.5 }, "days_to_expiry: must be a whole number of days"],
    [{ inspection: { moisture_pct: 101 } }, "inspection.moisture_pct: must be between 0 and 100"],
  ] as [Changes, string][])("refuses %j", (changes, message) => {
    expect(refusal(wrongLot(changes))).toContain(message);
  });

  it("refuses a missing field and an unknown one", () => {
    const { grams: _grams, ...withoutGrams } = wrongLot();
    expect(refusal(withoutGrams)).toContain("grams: is required");
    expect(refusal({ ...wrongLot(), discount: "5" })).toContain("Cannot recommend a disposition:");
  });
});
