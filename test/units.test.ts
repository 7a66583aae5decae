import { describe, expect, it } from "vitest";

import { centsToUsd, dateToUnix, gramsToKg, kgToGrams, unixToDate, usdToCents } from "@/lib/chain/units";

describe("unit conversion", () => {
  it("converts kilograms to grams and back exactly", () => {
    expect(kgToGrams("1234.567")).toBe(1234567n);
    expect(kgToGrams("0.001")).toBe(1n);
    expect(kgToGrams("60")).toBe(60000n);
    expect(gramsToKg(1234567n)).toBe("1234.567");
    expect(gramsToKg(1n)).toBe("0.001");
    expect(gramsToKg(0n)).toBe("0.000");
  });

  it("keeps amounts far beyond float precision exact", () => {
    const grams = 123456789012345678901234567890n;
    expect(kgToGrams(gramsToKg(grams))).toBe(grams);
  });

  it("refuses more decimals than the unit holds, negatives and junk", () => {
    expect(() => kgToGrams("1.0001")).toThrow(/at most 3 decimals/);
    expect(() => kgToGrams("-1")).toThrow(RangeError);
    expect(() => kgToGrams("1e3")).toThrow(RangeError);
    expect(() => usdToCents("7.355")).toThrow(/at most 2 decimals/);
    expect(() => gramsToKg(-1n)).toThrow(RangeError);
  });

  it("converts USD prices to cents and back", () => {
    expect(usdToCents("7.35")).toBe(735n);
    expect(usdToCents("85")).toBe(8500n);
    expect(centsToUsd(735n)).toBe("7.35");
    expect(centsToUsd(5n)).toBe("0.05");
  });

  it("converts dates to unix seconds at UTC midnight and back", () => {
    expect(dateToUnix("2026-01-15")).toBe(1768435200n);
    expect(unixToDate(1768435200n)).toBe("2026-01-15");
    expect(() => dateToUnix("2026-13-01")).toThrow(/not a date/);
    expect(() => dateToUnix("15/01/2026")).toThrow(/not a date/);
  });
});
