// Holt's method on series whose answers are known.
import { describe, expect, it } from "vitest";

import { backtestHolt, chooseHolt, fitHolt, forecastHolt, holdout } from "@/lib/analytics/forecast";

/** A seeded generator, so the noisy series are the same on every run. */
function random(seed: number) {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}
const gaussian = (next: () => number) => Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());

describe("Holt's linear exponential smoothing", () => {
  it("forecasts a constant series as that constant, with no band and no backtest error", () => {
    const y = Array(40).fill(1234.5);
    const fit = chooseHolt(y);
    expect(fit.sigma).toBeCloseTo(0, 9);
    for (const p of forecastHolt(fit, 30)) for (const v of [p.mean, p.lower, p.upper]) expect(v).toBeCloseTo(1234.5, 9);
    const bt = backtestHolt(y, 10)!;
    expect(bt.k).toBe(10);
    expect(bt.mae).toBeCloseTo(0, 9);
    expect(bt.mape).toBeCloseTo(0, 9);
  });

  it("continues a perfect linear trend exactly", () => {
    const y = Array.from({ length: 50 }, (_, t) => 200 + 7.5 * t);
    const points = forecastHolt(chooseHolt(y), 20);
    points.forEach((p) => expect(p.mean).toBeCloseTo(200 + 7.5 * (49 + p.h), 6));
    const bt = backtestHolt(y, holdout(y.length))!;
    expect(bt.k).toBe(12);
    expect(bt.mae).toBeCloseTo(0, 6);
    expect(bt.mape).toBeCloseTo(0, 6);
  });

  it("follows the recursions by hand on a short series", () => {
    // l0 = 10, b0 = 2; t=1: l = .5*12 + .5*12 = 12, b = .5*2 + .5*2 = 2; t=2: predicted 14, actual 15 → error 1.
    const fit = fitHolt([10, 12, 15], { alpha: 0.5, beta: 0.5 });
    expect(fit.level).toBeCloseTo(14.5);
    expect(fit.trend).toBeCloseTo(2.25);
    expect(fit.sse).toBeCloseTo(1);
    expect(forecastHolt(fit, 2).map((p) => p.mean)).toEqual([16.75, 19]);
  });

  it("widens the band with the horizon", () => {
    const next = random(7);
    const y = Array.from({ length: 60 }, (_, t) => 1000 + 5 * t + 20 * gaussian(next));
    const widths = forecastHolt(chooseHolt(y), 30).map((p) => p.upper - p.lower);
    for (let h = 1; h < widths.length; h++) expect(widths[h]).toBeGreaterThanOrEqual(widths[h - 1]);
  });

  it("keeps the truth of a noisy trend inside its 95% band most of the time", () => {
    let inside = 0;
    let total = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const next = random(seed);
      const truth = Array.from({ length: 110 }, (_, t) => 5000 + 12 * t + 40 * gaussian(next));
      const points = forecastHolt(chooseHolt(truth.slice(0, 100)), 10);
      points.forEach((p, i) => {
        total++;
        if (truth[100 + i] >= p.lower && truth[100 + i] <= p.upper) inside++;
      });
    }
    expect(inside / total).toBeGreaterThan(0.85);
  });

  it("finds the trend under the noise: the backtest error is near the noise, not the trend", () => {
    const next = random(3);
    const y = Array.from({ length: 120 }, (_, t) => 800 + 10 * t + 15 * gaussian(next));
    const bt = backtestHolt(y, 14)!;
    expect(bt.mae).toBeLessThan(40);
    expect(bt.mape!).toBeLessThan(3);
  });

  it("refuses what it cannot do: under two points, or a backtest that leaves too little to fit", () => {
    expect(() => fitHolt([5], { alpha: 0.5, beta: 0.5 })).toThrow(/two points/);
    expect(backtestHolt([1, 2, 3, 4], 2)).toBeNull();
    expect(backtestHolt([0, 0, 0, 0, 0, 0], 2)).toMatchObject({ mae: 0, mape: null });
  });
});
