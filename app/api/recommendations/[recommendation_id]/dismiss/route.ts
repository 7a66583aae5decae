// POST /api/recommendations/{recommendation_id}/dismiss {"reason": "…"} — dismiss a recommendation with a reason
import { getDb } from "@/lib/db/server";
import { handle, reply } from "@/lib/endpoints/handle";
import { monitoring } from "@/lib/endpoints/monitoring";
import { dismissRecommendation } from "@/lib/recommendations/decide";

export const dynamic = "force-dynamic";

export const POST = handle(
  monitoring.dismissRecommendation,
  async ({ params: { recommendation_id }, body: { reason }, caller }) =>
    reply(await dismissRecommendation(getDb(), recommendation_id, reason, caller)),
);
