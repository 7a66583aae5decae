// Buckets and filters shared by the chart queries.
import { sql, type SQL } from "drizzle-orm";

import type { Db } from "@/lib/db";

import type { AnalyticsFilters } from "./schemas";

export type Bucket = "hour" | "day" | "week" | "month";

/** Points a chart can show legibly: hours up to a week, days up to ~3 months, weeks up to 2 years. */
export function bucketFor(from: string, to: string, canUseHours = false): Bucket {
  const days = (Date.parse(to) - Date.parse(from)) / 86_400_000 + 1;
  if (canUseHours && days <= 7) return "hour";
  if (days <= 92) return "day";
  if (days <= 731) return "week";
  return "month";
}

/** `period` as text: a day (its bucket's first day) or an hour ("2026-11-24 13:00"). */
export function periodOf(column: SQL, bucket: Bucket): SQL {
  if (bucket === "hour") return sql`to_char(date_trunc('hour', ${column} at time zone 'UTC'), 'YYYY-MM-DD HH24:00')`;
  return sql`to_char(date_trunc(${bucket}, ${column}), 'YYYY-MM-DD')`;
}

/** Every period from the bucket holding `from` to the one holding `to`, in order. */
export async function listPeriods(db: Db, f: AnalyticsFilters, bucket: Bucket): Promise<string[]> {
  const format = bucket === "hour" ? "YYYY-MM-DD HH24:00" : "YYYY-MM-DD";
  const end = bucket === "hour" ? sql`${f.to}::timestamp + interval '23 hours'` : sql`${f.to}::timestamp`;
  const { rows } = await db.execute<{ period: string }>(sql`
    select to_char(p, ${format}) as period from generate_series(date_trunc(${bucket}, ${f.from}::timestamp), ${end}, ${`1 ${bucket}`}::interval) p`);
  return rows.map((r) => r.period);
}

/** The first day of the bucket holding `from`: charts over time cover whole buckets. */
export const rangeStart = (bucket: Bucket, from: string) =>
  sql`date_trunc(${bucket === "hour" ? "day" : bucket}, ${from}::timestamp)::date`;

/** The origin / process / warehouse filters, on a rollup's columns. */
export function dimensionFilter(f: AnalyticsFilters): SQL {
  const parts = [sql`true`];
  if (f.origin) parts.push(sql`origin_country = ${f.origin}`);
  if (f.process) parts.push(sql`process = ${f.process}`);
  if (f.warehouse) parts.push(sql`warehouse = ${f.warehouse}`);
  return sql.join(parts, sql` and `);
}

/** Fills each period with the values found for it, zeros elsewhere. */
export function fillPeriods<T extends Record<string, unknown>>(
  periods: string[],
  found: (T & { period: string })[],
  empty: () => T,
): (T & { period: string })[] {
  const byPeriod = new Map(found.map((r) => [r.period, r]));
  return periods.map((period) => byPeriod.get(period) ?? { ...empty(), period });
}
