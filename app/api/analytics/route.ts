// GET /api/analytics — the analytics charts as tables (JSON), or one chart as CSV
import { NextResponse } from "next/server";
import { handle } from "@/lib/api/handler";
import { getAnalyticsStatus, getChart, listCharts } from "@/lib/analytics/charts";
import { ZAnalyticsQuery } from "@/lib/analytics/schemas";
import { toCsv } from "@/lib/analytics/table";
import { getDb } from "@/lib/db/server";

export const dynamic = "force-dynamic";

export const GET = handle("GET /api/analytics", async ({ searchParams, scope }) => {
  const { chart, format, ...filters } = ZAnalyticsQuery.parse(searchParams);
  const db = getDb();
  if (chart && format === "csv") {
    const filename = `batchtrail-${chart}-${filters.from}-${filters.to}.csv`;
    return new Response(toCsv(await getChart(db, filters, chart, scope)), { headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${filename}"` } });
  }
  const charts = chart ? [await getChart(db, filters, chart, scope)] : await listCharts(db, filters, scope);
  return NextResponse.json({ filters, status: await getAnalyticsStatus(db), charts });
});
