// GET /api/cron/listener — one listening round for serverless deployments (Vercel Cron), within 50 s
import { handle, reply } from "@/lib/endpoints/handle";
import { system } from "@/lib/endpoints/system";
import { listenRound } from "@/lib/events/run";
import { getIndexer, getListener } from "@/lib/events/server";
import { beat, heartbeatNames } from "@/lib/system/heartbeat";

export const dynamic = "force-dynamic";
export const maxDuration = 60;

export const GET = handle(system.cronListener, async () => {
  const { db } = getListener();
  // The dashboard's listener status reads this heartbeat, as it does the worker's.
  const round = await listenRound(db, getIndexer(), { budgetMs: 50_000 }).catch(async (error: Error) => {
    await beat(db, heartbeatNames.listener, error.message, 0).catch(() => {});
    throw error;
  });
  await beat(db, heartbeatNames.listener, null, 0);
  return reply(round);
});
