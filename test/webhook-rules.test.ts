// When webhooks are tried again and when they stop: pure rules.
import { describe, expect, it } from "vitest";

import {
  disableAfterFailures,
  isSuccess,
  maxRetryMs,
  nextAttemptAt,
  retryDelayMs,
  retryWindowMs,
} from "@/lib/webhooks/rules";

const middle = () => 0.5;

describe("webhook retry rules", () => {
  it("doubles the wait from 30 seconds up to two hours", () => {
    expect([1, 2, 3, 4, 5].map((n) => retryDelayMs(n, middle))).toEqual([30_000, 60_000, 120_000, 240_000, 480_000]);
    expect(retryDelayMs(9, middle)).toBe(maxRetryMs);
    expect(retryDelayMs(30, middle)).toBe(maxRetryMs);
  });

  it("jitters each wait within ±20%", () => {
    expect(retryDelayMs(1, () => 0)).toBe(24_000);
    expect(retryDelayMs(1, () => 0.999999)).toBeLessThanOrEqual(36_000);
    expect(retryDelayMs(1, () => 0.999999)).toBeGreaterThan(35_990);
  });

  it("gives up when the next try would fall past 24 hours after the first", () => {
    const first = new Date("2026-01-01T00:00:00Z");
    const late = new Date(first.getTime() + retryWindowMs - 60_000);
    expect(nextAttemptAt(first, 12, late, middle)).toBeNull();
    const early = new Date(first.getTime() + 3600_000);
    expect(nextAttemptAt(first, 2, early, middle)).toEqual(new Date(early.getTime() + 60_000));
  });

  it("tries about twenty times in the 24 hours", () => {
    const first = new Date("2026-01-01T00:00:00Z");
    let at: Date | null = first;
    let tries = 0;
    while (at) {
      tries += 1;
      at = nextAttemptAt(first, tries, at, middle);
    }
    expect(tries).toBeGreaterThanOrEqual(18);
    expect(tries).toBeLessThanOrEqual(disableAfterFailures + 2);
  });

  it("counts only 2xx answers as delivered", () => {
    expect([200, 204, 299].every(isSuccess)).toBe(true);
    expect([null, 199, 301, 404, 500].some(isSuccess)).toBe(false);
  });
});
