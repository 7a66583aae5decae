// GET /api/dashboard/metrics — the dashboard's figures, read from the pre-aggregated counters
import { getDashboardMetrics } from "@/lib/dashboard/metrics";
import { getDb } from "@/lib/db/server";
import { dashboardMetrics } from "@/lib/endpoints/dashboard";
import { handle, reply } from "@/lib/endpoints/handle";

export const dynamic = "force-dynamic";

export const GET = handle(dashboardMetrics, async ({ scope }) => reply(await getDashboardMetrics(getDb(), scope)));
