// Stock over time: the running sum of each day's net kilograms (minted less removed), at the end of
// each period, per origin, process or warehouse. Sums are exact (integer grams).
import { sql } from "drizzle-orm";

import type { Scope } from "@/lib/auth/scope";
import type { Db } from "@/lib/db";

import { bucketFor, dimensionFilter, listPeriods, periodOf, rangeStart } from "./range";
import type { AnalyticsFilters } from "./schemas";
import { ledgerStockSource, stockSource } from "./scoped";
import { columnsOf, kgToSignedGrams, line, signedGramsToKg, type ChartTable } from "./table";

export const stockDimensions = { origin: "origin_country", process: "process", warehouse: "warehouse" } as const;
export type StockDimension = keyof typeof stockDimensions;

/** The stock rollup a read needs: per origin alone unless it splits or filters by process or warehouse. */
const stockRollup = (f: AnalyticsFilters, by: StockDimension) =>
  by === "origin" && !f.process && !f.warehouse ? sql`analytics_stock_origin_daily` : sql`analytics_stock_daily`;

export async function getStockChart(
  db: Db,
  f: AnalyticsFilters,
  by: StockDimension,
  scope: Scope,
): Promise<ChartTable> {
  const bucket = bucketFor(f.from, f.to);
  const start = rangeStart(bucket, f.from);
  const column = sql.identifier(stockDimensions[by]);
  const [periods, { rows }] = await Promise.all([
    listPeriods(db, f, bucket),
    db.execute<{ period: string | null; series: string; net: string }>(sql`
      select case when day < ${start} then null else ${periodOf(sql`day`, bucket)} end as period, ${column} as series, sum(minted_kg - removed_kg)::text as net
      from ${by === "warehouse" ? ledgerStockSource(scope) : stockSource(scope, stockRollup(f, by))} where day <= ${f.to}::date and ${dimensionFilter(f)}
      group by 1, 2`),
  ]);
  const running = new Map<string, bigint>();
  const netBy = new Map<string, bigint>();
  for (const r of rows) {
    running.set(r.series, (running.get(r.series) ?? 0n) + (r.period === null ? kgToSignedGrams(r.net) : 0n));
    if (r.period !== null) netBy.set(`${r.period}|${r.series}`, kgToSignedGrams(r.net));
  }
  const names = [...running.keys()].sort();
  const keyOf = new Map(names.map((name, i) => [name, `s${i}`]));
  const table = periods.map((period) => {
    const row: Record<string, string> = { period };
    for (const name of names) {
      const stock = running.get(name)! + (netBy.get(`${period}|${name}`) ?? 0n);
      running.set(name, stock);
      row[keyOf.get(name)!] = signedGramsToKg(stock);
    }
    return row;
  });
  const label = { origin: "origin", process: "process", warehouse: "warehouse" }[by];
  return {
    id: `stock_by_${by}`,
    title: `Stock by ${label}`,
    description:
      by === "warehouse"
        ? `Kilograms on hand at the end of each ${bucket}, by warehouse, from the stock ledger: minted, moved in and counted up, less redeemed, moved out and written off.`
        : `Kilograms in stock at the end of each ${bucket}, by ${label}: minted less expired and redeemed.`,
    columns: columnsOf(
      ["period", bucket],
      ...names.map((name): [string, string] => [keyOf.get(name)!, `${name} (kg)`]),
    ),
    rows: table,
    chart: {
      x: "period",
      series: names.map((name) => line(keyOf.get(name)!, name)),
      leftUnit: "kg",
    },
    note: names.length ? undefined : "No stock matches these filters.",
  };
}

/** Daily stock per origin over its whole history up to `to`, for the forecast (grams). */
/**
 * Where a daily stock series stops: the range's end, but not past today or the last day with a
 * movement, whichever is later. Nothing moves after that, and a `to` centuries ahead would otherwise
 * fill millions of days (found by the fuzz: one request took 84 s).
 */
function seriesEnd(to: string, lastDay: string | undefined): string {
  const today = new Date().toISOString().slice(0, 10);
  const bound = lastDay && lastDay > today ? lastDay : today;
  return to < bound ? to : bound;
}

export async function listDailyStockByOrigin(
  db: Db,
  f: AnalyticsFilters,
): Promise<Map<string, { days: string[]; grams: bigint[] }>> {
  const { rows } = await db.execute<{ day: string; origin: string; net: string }>(sql`
    select day::text as day, origin_country as origin, sum(minted_kg - removed_kg)::text as net
    from ${stockRollup(f, "origin")} where day <= ${f.to}::date and ${dimensionFilter(f)}
    group by 1, 2 order by 1`);
  const byOrigin = new Map<string, Map<string, bigint>>();
  for (const r of rows)
    (byOrigin.get(r.origin) ?? byOrigin.set(r.origin, new Map()).get(r.origin)!).set(r.day, kgToSignedGrams(r.net));
  const end = seriesEnd(f.to, rows.at(-1)?.day);
  const series = new Map<string, { days: string[]; grams: bigint[] }>();
  for (const [origin, nets] of byOrigin) {
    const days: string[] = [];
    const grams: bigint[] = [];
    let stock = 0n;
    for (let t = Date.parse(`${[...nets.keys()][0]}T00:00:00Z`); t <= Date.parse(`${end}T00:00:00Z`); t += 86_400_000) {
      const day = new Date(t).toISOString().slice(0, 10);
      stock += nets.get(day) ?? 0n;
      days.push(day);
      grams.push(stock);
    }
    series.set(origin, { days, grams });
  }
  return series;
}
