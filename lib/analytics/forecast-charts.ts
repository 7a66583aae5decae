// The stock forecast per origin: Holt's method on each origin's daily stock (the last year of it),
// 30 days ahead with a 95 % band, and a backtest on the days held out.
import type { Db } from "@/lib/db";

import {
  backtestHolt,
  chooseHolt,
  forecastHolt,
  holdout,
  minPoints,
  type Backtest,
  type ForecastPoint,
  type HoltFit,
} from "./forecast";
import type { AnalyticsFilters } from "./schemas";
import { listDailyStockByOrigin } from "./stock";
import { bar, columnsOf, line, signedGramsToKg, type ChartTable } from "./table";

export const horizonDays = 30;
const historyDays = 365;
const round3 = (n: number) => Math.round(n * 1000) / 1000;
const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

type OriginForecast = {
  origin: string;
  days: string[];
  grams: bigint[];
  fit: HoltFit | null;
  points: ForecastPoint[];
  backtest: Backtest | null;
};

async function forecastOrigins(db: Db, f: AnalyticsFilters): Promise<OriginForecast[]> {
  const series = await listDailyStockByOrigin(db, f);
  return [...series].map(([origin, { days, grams }]) => {
    const kg = grams.slice(-historyDays).map((g) => Number(g) / 1000);
    if (kg.length < minPoints) return { origin, days, grams, fit: null, points: [], backtest: null };
    const fit = chooseHolt(kg);
    return {
      origin,
      days,
      grams,
      fit,
      points: forecastHolt(fit, horizonDays),
      backtest: backtestHolt(kg, holdout(kg.length)),
    };
  });
}

const latest = (o: OriginForecast) => o.grams.at(-1) ?? 0n;

/** One origin's history in the range, its backtest and its forecast: the filter's origin, else the largest. */
export async function getForecastChart(db: Db, f: AnalyticsFilters): Promise<ChartTable> {
  const all = await forecastOrigins(db, f);
  const chosen =
    all.find((o) => o.origin === f.origin) ??
    all.sort((a, b) => (latest(b) > latest(a) ? 1 : latest(b) < latest(a) ? -1 : 0))[0];
  const base = {
    id: "forecast",
    columns: columnsOf(
      ["date", "date"],
      ["stock_kg", "stock (kg)"],
      ["backtest_kg", "backtest forecast (kg)"],
      ["forecast_kg", "forecast (kg)"],
      ["lower_kg", "95% low (kg)"],
      ["upper_kg", "95% high (kg)"],
    ),
    chart: {
      x: "date",
      series: [
        line("stock_kg", "stock"),
        line("backtest_kg", "backtest", { isDashed: true }),
        line("forecast_kg", "forecast", { isDashed: true }),
      ],
      band: { lower: "lower_kg", upper: "upper_kg", label: "95% band" },
      leftUnit: "kg",
    },
  };
  if (!chosen)
    return {
      ...base,
      title: "Stock forecast",
      description: "No stock matches these filters.",
      rows: [],
      note: "No stock matches these filters.",
    };
  const held = new Map(
    (chosen.backtest?.points ?? []).map((p, i, all) => [chosen.days[chosen.days.length - all.length + i], p.mean]),
  );
  const rows: ChartTable["rows"] = chosen.days.flatMap((day, i) =>
    day < f.from
      ? []
      : [
          {
            date: day,
            stock_kg: signedGramsToKg(chosen.grams[i]),
            backtest_kg: held.has(day) ? round3(held.get(day)!) : null,
            forecast_kg: null,
            lower_kg: null,
            upper_kg: null,
          },
        ],
  );
  for (const p of chosen.points)
    rows.push({
      date: addDays(chosen.days.at(-1)!, p.h),
      stock_kg: null,
      backtest_kg: null,
      forecast_kg: round3(p.mean),
      lower_kg: round3(p.lower),
      upper_kg: round3(p.upper),
    });
  const bt = chosen.backtest;
  const note = !chosen.fit
    ? `A forecast needs ${minPoints} days of history; ${chosen.origin} has ${chosen.days.length}.`
    : `Holt's method, α ${chosen.fit.alpha}, β ${chosen.fit.beta}. ${bt ? `Backtest on the last ${bt.k} days: MAE ${round3(bt.mae)} kg${bt.mape === null ? "" : `, MAPE ${bt.mape.toFixed(1)}%`}.` : "Too little history for a backtest."}`;
  return {
    ...base,
    title: `Stock forecast: ${chosen.origin}`,
    description: `Daily stock of ${chosen.origin} and the next ${horizonDays} days forecast by Holt's linear exponential smoothing, with its 95% prediction band.`,
    rows,
    note,
  };
}

/** Every origin: stock now, in 30 days, and how well the method did on its own recent past. */
export async function getForecastSummaryChart(db: Db, f: AnalyticsFilters): Promise<ChartTable> {
  const all = (await forecastOrigins(db, f)).sort((a, b) => a.origin.localeCompare(b.origin));
  const last = (o: OriginForecast) => o.points.at(-1);
  return {
    id: "forecast_summary",
    title: "Forecast by origin",
    description: `Each origin's stock on ${f.to} and forecast ${horizonDays} days after its last day of history (today at the latest), with the backtest error (last quarter of the history, at most 14 days, held out).`,
    columns: columnsOf(
      ["origin", "origin"],
      ["stock_kg", "stock (kg)"],
      ["forecast_kg", `in ${horizonDays} days (kg)`],
      ["lower_kg", "95% low (kg)"],
      ["upper_kg", "95% high (kg)"],
      ["alpha", "α"],
      ["beta", "β"],
      ["backtest_days", "backtest days"],
      ["mae_kg", "MAE (kg)"],
      ["mape_pct", "MAPE (%)"],
    ),
    rows: all.map((o) => ({
      origin: o.origin,
      stock_kg: signedGramsToKg(latest(o)),
      forecast_kg: last(o) ? round3(last(o)!.mean) : null,
      lower_kg: last(o) ? round3(last(o)!.lower) : null,
      upper_kg: last(o) ? round3(last(o)!.upper) : null,
      alpha: o.fit?.alpha ?? null,
      beta: o.fit?.beta ?? null,
      backtest_days: o.backtest?.k ?? null,
      mae_kg: o.backtest ? round3(o.backtest.mae) : null,
      mape_pct: o.backtest?.mape === null || !o.backtest ? null : Math.round(o.backtest.mape * 10) / 10,
    })),
    chart: {
      x: "origin",
      series: [bar("stock_kg", "stock now"), bar("forecast_kg", `in ${horizonDays} days`)],
      leftUnit: "kg",
    },
    note: all.some((o) => !o.fit)
      ? `Origins with fewer than ${minPoints} days of history have no forecast yet.`
      : undefined,
  };
}
