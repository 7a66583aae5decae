import { describe, expect, it } from "vitest";

import { ZMovementQuery } from "@/lib/stock/schemas";

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

  it("take a calendar date, a leap day included", () => {
    expect(ZMovementQuery.parse({ from: "2024-02-29", to: "2026-11-29" })).toMatchObject({
      from: "2024-02-29",
      to: "2026-11-29",
    });
  });
});
