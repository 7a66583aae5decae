import { z } from "zod";

import { calendarDate, text } from "@/lib/api/zod";
import { processes } from "@/lib/db/enums";

export const chartIds = [
  "stock_by_origin",
  "stock_by_process",
  "stock_by_warehouse",
  "verification",
  "discrepancy",
  "quality_grades",
  "fraud_risk",
  "fraud_factors",
  "alerts",
  "events_sync",
  "expiry",
  "forecast",
  "forecast_summary",
] as const;
export type ChartId = (typeof chartIds)[number];

export const maxRangeDays = 3660;
const dayMs = 86_400_000;
const today = () => new Date().toISOString().slice(0, 10);
const daysBefore = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) - days * dayMs).toISOString().slice(0, 10);

const filterShape = {
  from: calendarDate().optional(),
  to: calendarDate().optional(),
  origin: text().trim().min(1).max(60).optional(),
  process: z.enum(processes).optional(),
  warehouse: text().trim().min(1).max(80).optional(),
};

/** A date range (default: the 90 days up to today, UTC) that is in order and not too long. */
function withRange<S extends z.ZodType<{ from?: string; to?: string }>>(schema: S) {
  return (
    schema
      .transform((q) => {
        const to = q.to ?? today();
        return { ...q, to, from: q.from ?? daysBefore(to, 89) } as z.output<S> & { from: string; to: string };
      })
      .refine((q) => q.from <= q.to, { path: ["from"], message: "must not be after `to`" })
      // The default start, 89 days before `to`, can fall before the year 0001 (Postgres has no year 0).
      .refine((q) => q.from >= "0001-01-01", {
        path: ["from"],
        message: "must be a calendar date from the year 0001 on",
      })
      .refine((q) => Date.parse(q.to) - Date.parse(q.from) < maxRangeDays * dayMs, {
        path: ["from"],
        message: `the range may span at most ${maxRangeDays} days`,
      })
  );
}

/** The page's filters: the date range and the batch dimensions. */
export const ZAnalyticsFilters = withRange(z.strictObject(filterShape));
export type AnalyticsFilters = z.output<typeof ZAnalyticsFilters>;

/** The API's query: the filters, plus which chart and in what format (CSV needs one chart). */
export const ZAnalyticsQuery = withRange(
  z.strictObject({
    ...filterShape,
    chart: z.enum(chartIds).optional().describe("one chart; all of them when left out (JSON only)"),
    format: z.enum(["json", "csv"]).default("json"),
  }),
).refine((q) => q.format === "json" || q.chart !== undefined, { path: ["chart"], message: "name one chart for CSV" });
