import { describe, expect, it } from "vitest";

import { ZMovementQuery, ZNewWarehouse } from "@/lib/stock/schemas";

describe("the Movements filters", () => {
  // Found by the fuzz (FUZZ_SEED=906121246): a date of the right shape but off the calendar reached Postgres, a 500 mid-export.
  it.each(["5779-85-75", "2026-02-30", "2026-13-01"])("refuse %s as a date, naming the field", (date) => {
    const parsed = ZMovementQuery.safeParse({ from: date, to: date });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["from", "must be a calendar date, YYYY-MM-DD"],
      ["to", "must be a calendar date, YYYY-MM-DD"],
    ]);
  });

  // Found by the fuzz (FUZZ_SEED=1325467367): a NUL in the warehouse reached Postgres, a 500 mid-export.
  it("refuse a warehouse with a NUL character, naming the field", () => {
    const parsed = ZMovementQuery.safeParse({ warehouse: "a\u0000" });
    expect(parsed.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["warehouse", "must not contain NUL characters"],
    ]);
  });

  // Found by the fuzz (FUZZ_SEED=1743176260): ISO 8601 has a year 0, Postgres does not.
  it("refuse the year 0000", () => {
    expect(ZMovementQuery.safeParse({ from: "0000-02-29" }).error?.issues.map((i) => i.message)).toEqual([
      "must be a calendar date from the year 0001 on",
    ]);
  });

  it("take a calendar date, a leap day included", () => {
    expect(ZMovementQuery.parse({ from: "2024-02-29", to: "2026-11-29" })).toMatchObject({
      from: "2024-02-29",
      to: "2026-11-29",
    });
  });
});

describe("a new warehouse", () => {
  const warehouse = (capacity_kg: string) =>
    ZNewWarehouse.safeParse({ code: "HAM-1", name: "Hamburg", country: "DE", capacity_kg });

  // Found by the fuzz (FUZZ_SEED=1613590041): an 80-digit capacity overflowed numeric(14, 3), a 500.
  it("refuses a capacity the column cannot hold, naming the field", () => {
    expect(warehouse("9".repeat(12)).error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["capacity_kg", "must be at most 99999999999.999 kg"],
    ]);
  });

  it("takes the largest capacity the column holds, leading zeros aside", () => {
    expect(warehouse("99999999999.999").success).toBe(true);
    expect(warehouse("000099999999999").success).toBe(true);
  });
});
