// GET /api/analytics — the analytics charts as tables (JSON), or one chart as CSV
import { getAnalyticsStatus, getChart, listCharts } from "@/lib/analytics/charts";
import { toCsv } from "@/lib/analytics/table";
import { csvFile } from "@/lib/api/csv-file";
import { getDb } from "@/lib/db/server";
import { dashboard } from "@/lib/endpoints/dashboard";
import { handle, reply } from "@/lib/endpoints/handle";

export const dynamic = "force-dynamic";

export const GET = handle(dashboard.analytics, async ({ query, scope }) => {
  const { chart, format, ...filters } = query;
  const db = getDb();
  if (chart && format === "csv") {
    const filename = `batchtrail-${chart}-${filters.from}-${filters.to}.csv`;
    return csvFile(toCsv(await getChart(db, filters, chart, scope)), filename);
  }
  const charts = chart ? [await getChart(db, filters, chart, scope)] : await listCharts(db, filters, scope);
  return reply({ filters, status: await getAnalyticsStatus(db), charts });
});
