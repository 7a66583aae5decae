// The system's charts: chain events stored and sync runs over time, and stock about to expire.
import { sql } from "drizzle-orm";

import type { Scope } from "@/lib/auth/scope";
import type { Db } from "@/lib/db";

import { bucketFor, dimensionFilter, fillPeriods, listPeriods, periodOf } from "./range";
import type { AnalyticsFilters } from "./schemas";
import { expirySource } from "./scoped";
import { bar, columnsOf, line, type ChartTable } from "./table";

/** Events per period and the sync's lag (queued to finished); chain-wide, so the batch filters do not apply. */
export async function getEventsSyncChart(db: Db, f: AnalyticsFilters): Promise<ChartTable> {
  const bucket = bucketFor(f.from, f.to, true);
  const start = sql`date_trunc(${bucket === "hour" ? "day" : bucket}, ${f.from}::timestamp) at time zone 'UTC'`;
  const end = sql`(${f.to}::date + 1)::timestamp at time zone 'UTC'`;
  const period = periodOf(bucket === "hour" ? sql`hour` : sql`(hour at time zone 'UTC')`, bucket);
  const [periods, { rows: events }, { rows: syncs }] = await Promise.all([
    listPeriods(db, f, bucket),
    db.execute<{ period: string; events: number }>(sql`
      select ${period} as period, sum(events)::int as events from analytics_events_hourly where hour >= ${start} and hour < ${end} group by 1`),
    db.execute<{ period: string; runs: number; failed: number; lag_ms_sum: string; lag_ms_max: string }>(sql`
      select ${period} as period, sum(runs)::int as runs, sum(failed)::int as failed, sum(lag_ms_sum)::text as lag_ms_sum, max(lag_ms_max)::text as lag_ms_max
      from analytics_sync_hourly where hour >= ${start} and hour < ${end} group by 1`),
  ]);
  const syncBy = new Map(syncs.map((s) => [s.period, s]));
  const rows = fillPeriods(periods, events, () => ({ events: 0 })).map((e) => {
    const s = syncBy.get(e.period);
    return {
      period: e.period,
      events: e.events,
      sync_runs: s?.runs ?? 0,
      sync_failed: s?.failed ?? 0,
      mean_lag_s: s?.runs ? Math.round(Number(s.lag_ms_sum) / s.runs) / 1000 : null,
      max_lag_s: s ? Number(s.lag_ms_max) / 1000 : null,
    };
  });
  return {
    id: "events_sync",
    title: "Events and sync lag",
    description: `Chain events stored each ${bucket}, and the full sync runs finished then: how long from queued to done.`,
    columns: columnsOf(
      ["period", bucket],
      ["events", "events"],
      ["sync_runs", "sync runs"],
      ["sync_failed", "failed runs"],
      ["mean_lag_s", "mean sync lag (s)"],
      ["max_lag_s", "max sync lag (s)"],
    ),
    rows,
    chart: {
      x: "period",
      series: [bar("events", "events"), line("mean_lag_s", "mean sync lag", { axis: "right" })],
      leftUnit: "events",
      rightUnit: "s",
    },
    note: "Chain-wide: the origin, process and warehouse filters do not apply.",
  };
}

const windows = [
  { label: "0–30 days", from: 0, to: 30 },
  { label: "31–60 days", from: 31, to: 60 },
  { label: "61–90 days", from: 61, to: 90 },
];

/** Sellable stock by how soon it expires, as of the last refresh; the date range does not apply. */
export async function getExpiryChart(db: Db, f: AnalyticsFilters, scope: Scope): Promise<ChartTable> {
  const { rows } = await db.execute<{ window: number; batches: number; kg: string }>(sql`
    select case when expiry_date - current_date <= 30 then 0 when expiry_date - current_date <= 60 then 1 else 2 end as window,
      sum(batches)::int as batches, sum(kg)::text as kg
    from ${expirySource(scope)} where expiry_date >= current_date and expiry_date <= current_date + 90 and ${dimensionFilter(f)} group by 1`);
  return {
    id: "expiry",
    title: "Expiring soon",
    description: "Sellable batches (active, verified, flagged) expiring within 30, 60 and 90 days from today.",
    columns: columnsOf(["window", "expires in"], ["batches", "batches"], ["kg", "stock (kg)"]),
    rows: windows.map((w, i) => {
      const r = rows.find((x) => x.window === i);
      return { window: w.label, batches: r?.batches ?? 0, kg: r?.kg ?? "0.000" };
    }),
    chart: { x: "window", series: [bar("batches", "batches")], leftUnit: "batches" },
    note: "As of the last refresh; the date range does not apply.",
  };
}
