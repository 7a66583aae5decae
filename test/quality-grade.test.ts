// SCA green-coffee grading: known lots, every boundary, sample scaling and rejected input.
import { describe, expect, it } from "vitest";

import { gradeQuality, QUALITY_RULES_VERSION } from "@/lib/quality/grade";
import { ZQualityCheck, type QualityCheckInput } from "@/lib/quality/schemas";

import { specialtyCheck } from "./helpers/factories";

const specialtyLot: QualityCheckInput = specialtyCheck;

const lot = (changes: Partial<QualityCheckInput>) => gradeQuality({ ...specialtyLot, ...changes });

describe("gradeQuality", () => {
  it("grades a clean lot specialty with nothing held against it", () => {
    expect(gradeQuality(specialtyLot)).toEqual({
      grade: "specialty",
      full_defects: 3,
      reasons: ["Specialty grade: meets every specialty requirement."],
      rules_version: QUALITY_RULES_VERSION,
    });
  });

  it("holds a lot with primary defects at premium and says why", () => {
    expect(lot({ primary_defects: 2, secondary_defects: 2 })).toEqual({
      grade: "premium",
      full_defects: 4,
      reasons: ["Premium grade: meets every premium requirement.", "2 primary defects: specialty grade allows none."],
      rules_version: QUALITY_RULES_VERSION,
    });
  });

  it("grades 15 full defects exchange, held back from premium by the count", () => {
    const result = lot({ primary_defects: 5, secondary_defects: 10 });
    expect(result.grade).toBe("exchange");
    expect(result.reasons).toEqual([
      "Exchange grade: meets every exchange requirement.",
      "15 full defects per 350 g: premium grade allows at most 8.",
    ]);
  });

  it("grades a lot failing exchange below standard and lists every exchange failure", () => {
    const result = lot({ secondary_defects: 30, moisture_pct: 14.5, quakers: 7, screen_size: 13 });
    expect(result.grade).toBe("below_standard");
    expect(result.reasons).toEqual([
      "Below standard: fails the exchange grade.",
      "30 full defects per 350 g: exchange grade allows at most 23.",
      "Moisture 14.5%: exchange grade needs 9–13%.",
      "7 quakers: exchange grade allows at most 5.",
      "Screen size 13: exchange grade needs screen 14 or larger.",
    ]);
  });

  it.each<[string, string, Partial<QualityCheckInput>]>([
    ["exactly 5 full defects", "specialty", { secondary_defects: 5 }],
    ["exactly 6 full defects", "premium", { secondary_defects: 6 }],
    ["exactly 8 full defects", "premium", { secondary_defects: 8 }],
    ["exactly 9 full defects", "exchange", { secondary_defects: 9 }],
    ["exactly 23 full defects", "exchange", { secondary_defects: 23 }],
    ["exactly 24 full defects", "below_standard", { secondary_defects: 24 }],
    ["moisture 8.99%", "below_standard", { moisture_pct: 8.99 }],
    ["moisture 9%", "specialty", { moisture_pct: 9 }],
    ["moisture 13%", "specialty", { moisture_pct: 13 }],
    ["moisture 13.01%", "below_standard", { moisture_pct: 13.01 }],
  ])("grades %s %s", (_, grade, changes) => {
    expect(lot(changes).grade).toBe(grade);
  });

  it("needs a cupping score of at least 80 for specialty or premium", () => {
    expect(lot({ cupping_score: 80 }).grade).toBe("specialty");
    expect(lot({ cupping_score: 79.99 })).toMatchObject({
      grade: "exchange",
      reasons: [
        "Exchange grade: meets every exchange requirement.",
        "Cupping score 79.99: premium grade needs at least 80.",
      ],
    });
  });

  it("allows at most 5% screen variance for specialty and premium", () => {
    expect(lot({ screen_size_variance_pct: 5 }).grade).toBe("specialty");
    expect(lot({ screen_size_variance_pct: 5.01 }).reasons).toContain(
      "5.01% of beans off the stated screen: premium grade allows at most 5%.",
    );
  });

  it("allows no quakers in specialty, 3 in premium and 5 in exchange", () => {
    expect(lot({ quakers: 1 }).reasons).toEqual([
      "Premium grade: meets every premium requirement.",
      "1 quaker: specialty grade allows none.",
    ]);
    expect(lot({ quakers: 3 }).grade).toBe("premium");
    expect(lot({ quakers: 4 }).grade).toBe("exchange");
    expect(lot({ quakers: 5 }).grade).toBe("exchange");
    expect(lot({ quakers: 6 }).grade).toBe("below_standard");
  });

  it("fails exchange below screen 14 but does not need it for premium", () => {
    expect(lot({ screen_size: 13, secondary_defects: 9 }).grade).toBe("below_standard");
    expect(lot({ screen_size: 14, secondary_defects: 9 }).grade).toBe("exchange");
    expect(lot({ screen_size: 13 }).grade).toBe("specialty");
  });

  it("scales defects from a 300 g sample to 350 g exactly", () => {
    // 4 × 350/300 = 4.67 ≤ 5; 5 × 350/300 = 5.83 > 5; 7 × 350/300 = 8.17 > 8; 20 × 350/300 = 23.33 > 23.
    expect(lot({ sample_grams: 300, secondary_defects: 4 })).toMatchObject({ grade: "specialty", full_defects: 4.67 });
    const premium = lot({ sample_grams: 300, secondary_defects: 5 });
    expect(premium).toMatchObject({ grade: "premium", full_defects: 5.83 });
    expect(premium.reasons).toEqual([
      "Premium grade: meets every premium requirement.",
      "5.83 full defects per 350 g: specialty grade allows at most 5.",
      "Defects counted in 300 g and scaled to the standard 350 g sample.",
    ]);
    expect(lot({ sample_grams: 300, secondary_defects: 7 })).toMatchObject({ grade: "exchange", full_defects: 8.17 });
    expect(lot({ sample_grams: 300, secondary_defects: 20 })).toMatchObject({
      grade: "below_standard",
      full_defects: 23.33,
    });
    expect(lot({ sample_grams: 700, secondary_defects: 10 })).toMatchObject({ grade: "specialty", full_defects: 5 });
  });

  it("defaults the sample to 350 g and notes measurements that were not taken", () => {
    const { sample_grams: _sample, screen_size_variance_pct: _variance, quakers: _quakers, ...bare } = specialtyLot;
    expect(gradeQuality(bare).reasons).toEqual([
      "Specialty grade: meets every specialty requirement.",
      "Screen size variance not recorded: not checked.",
      "Quakers not recorded: not checked.",
    ]);
  });

  it("grades a lower cup with few defects exchange, never below a lot with more defects", () => {
    expect(lot({ cupping_score: 75 }).grade).toBe("exchange");
  });
});

describe("ZQualityCheck", () => {
  const messageFor = (changes: Record<string, unknown>) => {
    const result = ZQualityCheck.safeParse({ ...specialtyLot, ...changes });
    return result.success ? null : result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
  };

  it.each([
    [{ cupping_score: 100.5 }, "cupping_score: must be between 0 and 100"],
    [{ cupping_score: 85.125 }, "cupping_score: must have at most 2 decimals"],
    [{ cupping_score: "85" }, "cupping_score: must be a number"],
    [{ moisture_pct: -1 }, "moisture_pct: must be between 0 and 100"],
    [{ primary_defects: 1.5 }, "primary_defects: must be a whole number"],
    [{ secondary_defects: -2 }, "secondary_defects: must not be negative"],
    [{ sample_grams: 0 }, "sample_grams: must be more than zero"],
    [{ screen_size: 7 }, "screen_size: must be between 8 and 20"],
    [{ screen_size: 21 }, "screen_size: must be between 8 and 20"],
    [{ screen_size_variance_pct: 101 }, "screen_size_variance_pct: must be between 0 and 100"],
    [{ quakers: -1 }, "quakers: must not be negative"],
    [{ notes: "x".repeat(2001) }, "notes: must be at most 2000 characters"],
  ])("rejects %o", (changes, message) => {
    expect(messageFor(changes)).toBe(message);
  });

  it("rejects unknown fields and missing required ones", () => {
    expect(messageFor({ grade: "specialty" })).toMatch(/grade/);
    expect(ZQualityCheck.safeParse({ cupping_score: 85 }).success).toBe(false);
  });

  it("accepts two-decimal values despite float noise and notes up to 2000 characters", () => {
    expect(messageFor({ moisture_pct: 13.01, cupping_score: 79.99, notes: "x".repeat(2000) })).toBeNull();
  });

  it("refuses to grade invalid input", () => {
    expect(() => lot({ moisture_pct: 101 })).toThrow();
  });
});

describe("exact decimals", () => {
  it("refuses a score with more than two decimals instead of rounding it into a grade", async () => {
    const { ZQualityCheck } = await import("@/lib/quality/schemas");
    const base = { moisture_pct: 10.5, primary_defects: 0, secondary_defects: 2, screen_size: 16 };
    expect(ZQualityCheck.safeParse({ ...base, cupping_score: 79.99999999 }).success).toBe(false);
    expect(ZQualityCheck.safeParse({ ...base, cupping_score: 79.99 }).success).toBe(true);
  });
});
