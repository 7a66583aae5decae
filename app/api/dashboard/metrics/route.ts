// GET /api/dashboard/metrics — the dashboard's figures, read from the pre-aggregated counters
import { getDashboardMetrics } from "@/lib/dashboard/metrics";
import { getDb } from "@/lib/db/server";
import { dashboard } from "@/lib/endpoints/dashboard";
import { handle, reply } from "@/lib/endpoints/handle";

export const dynamic = "force-dynamic";

export const GET = handle(dashboard.dashboardMetrics, async ({ scope }) =>
  reply(await getDashboardMetrics(getDb(), scope)),
);
