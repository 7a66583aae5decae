// POST /api/recommendations/{recommendation_id}/accept {"note"?: "…"} — accept a recommendation: its action runs
import { getDb } from "@/lib/db/server";
import { handle, reply } from "@/lib/endpoints/handle";
import { monitoring } from "@/lib/endpoints/monitoring";
import { enqueueSync } from "@/lib/jobs/boss";
import { getBoss } from "@/lib/jobs/server";
import { acceptRecommendation } from "@/lib/recommendations/decide";

export const dynamic = "force-dynamic";

export const POST = handle(
  monitoring.acceptRecommendation,
  async ({ params: { recommendation_id }, body: { note }, caller }) =>
    reply(
      await acceptRecommendation(getDb(), recommendation_id, note, caller, {
        // The app's job sender starts only when a sync is the action.
        enqueueSync: async (syncId) => enqueueSync(await getBoss())(syncId),
      }),
    ),
);
