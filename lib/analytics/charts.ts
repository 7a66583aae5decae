// Every chart the analytics page shows, by id; each reads only the rollups.
import "server-only";

import { sql } from "drizzle-orm";

import { ApiError } from "@/lib/api/errors";
import type { Scope } from "@/lib/auth/scope";
import { listFilterOptions } from "@/lib/batches/list";
import type { Db } from "@/lib/db";
import { processes } from "@/lib/db/enums";

import {
  getAlertsChart,
  getDiscrepancyChart,
  getFraudFactorsChart,
  getFraudRiskChart,
  getQualityChart,
  getVerificationChart,
} from "./activity";
import { getForecastChart, getForecastSummaryChart } from "./forecast-charts";
import type { AnalyticsFilters, ChartId } from "./schemas";
import { getStockChart } from "./stock";
import { getEventsSyncChart, getExpiryChart } from "./system";
import type { ChartTable } from "./table";

const charts: Record<ChartId, (db: Db, f: AnalyticsFilters, scope: Scope) => Promise<ChartTable>> = {
  stock_by_origin: (db, f, scope) => getStockChart(db, f, "origin", scope),
  stock_by_process: (db, f, scope) => getStockChart(db, f, "process", scope),
  stock_by_warehouse: (db, f, scope) => getStockChart(db, f, "warehouse", scope),
  forecast: getForecastChart,
  forecast_summary: getForecastSummaryChart,
  verification: getVerificationChart,
  discrepancy: getDiscrepancyChart,
  quality_grades: getQualityChart,
  fraud_risk: getFraudRiskChart,
  fraud_factors: getFraudFactorsChart,
  alerts: getAlertsChart,
  events_sync: getEventsSyncChart,
  expiry: getExpiryChart,
};

/** The charts an organisation's member sees, computed from its own batches; the others read rollups of everyone's. */
export const scopedChartIds: readonly ChartId[] = [
  "stock_by_origin",
  "stock_by_process",
  "stock_by_warehouse",
  "expiry",
];

const chartsFor = (scope: Scope) => (scope.kind === "all" ? (Object.keys(charts) as ChartId[]) : scopedChartIds);

export async function getChart(db: Db, f: AnalyticsFilters, id: ChartId, scope: Scope): Promise<ChartTable> {
  if (!chartsFor(scope).includes(id))
    throw new ApiError(
      "forbidden",
      `The ${id} chart covers every organisation's batches; it is shown to the operating company only.`,
    );
  return charts[id](db, f, scope);
}

/** Every chart the scope may see. */
export async function listCharts(db: Db, f: AnalyticsFilters, scope: Scope): Promise<ChartTable[]> {
  return Promise.all(chartsFor(scope).map((id) => charts[id](db, f, scope)));
}

export type AnalyticsStatus = {
  refreshed_at: string | null;
  refreshed_through: string | null;
  duration_ms: number | null;
};

/** When the rollups were last refreshed. */
export async function getAnalyticsStatus(db: Db): Promise<AnalyticsStatus> {
  const { rows } = await db.execute<{ refreshed_at: string; refreshed_through: string; duration_ms: number }>(sql`
    select refreshed_at, refreshed_through, duration_ms from analytics_state where id = 'rollups'`);
  const r = rows[0];
  return r
    ? {
        refreshed_at: new Date(r.refreshed_at).toISOString(),
        refreshed_through: new Date(r.refreshed_through).toISOString(),
        duration_ms: r.duration_ms,
      }
    : { refreshed_at: null, refreshed_through: null, duration_ms: null };
}

/** The values the filters offer, from the stock rollup (never the batches table); for an organisation, from its own batches. */
export async function listAnalyticsOptions(
  db: Db,
  scope: Scope,
): Promise<{ origins: string[]; processes: readonly string[]; warehouses: string[] }> {
  if (scope.kind !== "all") return { ...(await listFilterOptions(db, scope)), processes };
  const { rows } = await db.execute<{ kind: string; value: string }>(sql`
    select 'origin' as kind, origin_country as value from analytics_stock_daily group by 2
    union all select 'warehouse', warehouse from analytics_stock_daily where warehouse <> 'none' group by 2
    order by 1, 2`);
  return {
    origins: rows.filter((r) => r.kind === "origin").map((r) => r.value),
    processes,
    warehouses: rows.filter((r) => r.kind === "warehouse").map((r) => r.value),
  };
}
