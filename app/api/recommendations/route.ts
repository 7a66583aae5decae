// GET /api/recommendations — the monitoring agent's proposed actions, newest first, one page at a time
import { getDb } from "@/lib/db/server";
import { handle, reply } from "@/lib/endpoints/handle";
import { monitoring } from "@/lib/endpoints/monitoring";
import { listRecommendations } from "@/lib/recommendations/list";

export const dynamic = "force-dynamic";

export const GET = handle(monitoring.listRecommendations, async ({ query }) =>
  reply(await listRecommendations(getDb(), query)),
);
