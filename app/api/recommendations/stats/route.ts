// GET /api/recommendations/stats — per kind: proposed, decided and the acceptance rate
import { getDb } from "@/lib/db/server";
import { handle, reply } from "@/lib/endpoints/handle";
import { monitoring } from "@/lib/endpoints/monitoring";
import { recommendationStats } from "@/lib/recommendations/stats";

export const dynamic = "force-dynamic";

export const GET = handle(monitoring.recommendationStats, async () =>
  reply({ data: await recommendationStats(getDb()) }),
);
