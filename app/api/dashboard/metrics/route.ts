// GET /api/dashboard/metrics — the dashboard's figures, read from the pre-aggregated counters
import { NextResponse } from "next/server";
import { handle } from "@/lib/api/handler";
import { ZNoQuery } from "@/lib/api/params";
import { getDashboardMetrics } from "@/lib/dashboard/metrics";
import { getDb } from "@/lib/db/server";

export const dynamic = "force-dynamic";

export const GET = handle("GET /api/dashboard/metrics", async ({ searchParams, scope }) => {
  ZNoQuery.parse(searchParams);
  return NextResponse.json(await getDashboardMetrics(getDb(), scope));
});
