// Holt's linear exponential smoothing (a level and a trend), its prediction interval and a
// backtest. Pure: series in, numbers out. Forecasts are estimates, so floats are fine here; the
// stored totals they start from are exact.

export type HoltParams = { alpha: number; beta: number };
export type HoltFit = HoltParams & { level: number; trend: number; sse: number; sigma: number; errors: number };
export type ForecastPoint = { h: number; mean: number; lower: number; upper: number };
export type Backtest = { k: number; mae: number; mape: number | null; points: ForecastPoint[] };

/** The smallest series a fit needs: two points to start level and trend, one more to judge it. */
export const minPoints = 3;
const grid = Array.from({ length: 20 }, (_, i) => (i + 1) / 20);
const betaGrid = [0, ...grid];
const z95 = 1.959964;

/** Runs the recursions with fixed parameters: the final state and the one-step errors from t = 2. */
export function fitHolt(y: number[], { alpha, beta }: HoltParams): HoltFit {
  if (y.length < 2) throw new Error("Holt's method needs at least two points");
  let level = y[0];
  let trend = y[1] - y[0];
  let sse = 0;
  let errors = 0;
  for (let t = 1; t < y.length; t++) {
    const predicted = level + trend;
    // t = 1 is fitted exactly by the starting trend, so it says nothing about the error.
    if (t >= 2) {
      sse += (y[t] - predicted) ** 2;
      errors++;
    }
    const previous = level;
    level = alpha * y[t] + (1 - alpha) * predicted;
    trend = beta * (level - previous) + (1 - beta) * trend;
  }
  return { alpha, beta, level, trend, sse, errors, sigma: errors > 0 ? Math.sqrt(sse / errors) : 0 };
}

/** The parameters with the smallest one-step squared error on a 0.05 grid (ties: the smoother). */
export function chooseHolt(y: number[]): HoltFit {
  let best: HoltFit | null = null;
  for (const alpha of grid) {
    for (const beta of betaGrid) {
      const fit = fitHolt(y, { alpha, beta });
      if (!best || fit.sse < best.sse - 1e-9 * (1 + best.sse)) best = fit;
    }
  }
  return best!;
}

/**
 * h-step forecasts with a 95 % band: the variance of ETS(A,A,N) grows as
 * σ²·(1 + Σ_{j<h} (α(1 + jβ))²).
 */
export function forecastHolt(fit: HoltFit, horizon: number): ForecastPoint[] {
  const points: ForecastPoint[] = [];
  let factor = 1;
  for (let h = 1; h <= horizon; h++) {
    if (h > 1) factor += (fit.alpha * (1 + (h - 1) * fit.beta)) ** 2;
    const mean = fit.level + h * fit.trend;
    const half = z95 * fit.sigma * Math.sqrt(factor);
    points.push({ h, mean, lower: mean - half, upper: mean + half });
  }
  return points;
}

/** Holds out the last k points, fits the rest, and measures the forecasts against them. */
export function backtestHolt(y: number[], k: number): Backtest | null {
  if (k < 1 || y.length - k < minPoints) return null;
  const points = forecastHolt(chooseHolt(y.slice(0, -k)), k);
  const actual = y.slice(-k);
  const mae = actual.reduce((sum, a, i) => sum + Math.abs(a - points[i].mean), 0) / k;
  const nonZero = actual.flatMap((a, i) => (a === 0 ? [] : [Math.abs((a - points[i].mean) / a)]));
  const mape = nonZero.length ? (100 * nonZero.reduce((s, v) => s + v, 0)) / nonZero.length : null;
  return { k, mae, mape, points };
}

/** How many points a backtest holds out: a quarter of the series, at most 14. */
export const holdout = (n: number) => Math.min(14, Math.floor(n / 4));
