// The audit trail in people's units: a chain event's grams, unix seconds and cents read as kg,
// dates and USD; nested values as words, not JSON.
import { describe, expect, it } from "vitest";

import { fieldWords, valueWords } from "@/lib/audit/words";
import { dateToUnix } from "@/lib/chain/units";

describe("audit words", () => {
  it("shows a chain event's quantity in kg, its dates as dates and its price in USD", () => {
    expect(valueWords("quantity", "1250500", true)).toBe("1250.500 kg");
    expect(valueWords("expiryDate", dateToUnix("2027-03-01").toString(), true)).toBe("2027-03-01");
    expect(valueWords("pricePerKg", "745", true)).toBe("$7.45");
    expect(fieldWords("pricePerKg")).toBe("price per kg");
  });

  it("leaves off-chain values as they are, and says nested values in words", () => {
    expect(valueWords("quantity_kg", "1250.500", false)).toBe("1250.500");
    expect(valueWords("verification_status", "out_of_sync", false)).toBe("out of sync");
    expect(
      valueWords(
        "checks",
        [
          { name: "quantity", passed: true, detail: "…" },
          { name: "quality", passed: false, isMissing: true, detail: "…" },
        ],
        false,
      ),
    ).toBe("quantity passed, quality not made");
    expect(valueWords("details", { request_id: 4, discrepancy_kg: "-2.000" }, false)).toBe(
      "request id: 4, discrepancy kg: -2.000",
    );
    expect(valueWords("x", { a: 1 }, false)).not.toMatch(/[{}"]/);
  });
});
