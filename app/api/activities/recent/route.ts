// GET /api/activities/recent — what happened lately, newest first, across the system
import { listRecentActivities } from "@/lib/activities/recent";
import { getDb } from "@/lib/db/server";
import { dashboard } from "@/lib/endpoints/dashboard";
import { handle, reply } from "@/lib/endpoints/handle";

export const dynamic = "force-dynamic";

export const GET = handle(dashboard.recentActivities, async ({ query, scope }) =>
  reply(await listRecentActivities(getDb(), query, scope)),
);
