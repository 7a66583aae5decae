// GET /api/cron/sync — enqueue a full reconciliation for the worker (Vercel Cron, CRON_SECRET bearer)
import { getDb } from "@/lib/db/server";
import { handle, reply } from "@/lib/endpoints/handle";
import { sync } from "@/lib/endpoints/sync";
import { enqueueSync } from "@/lib/jobs/boss";
import { getBoss } from "@/lib/jobs/server";
import { startSync, toSyncJson } from "@/lib/sync/start";

export const dynamic = "force-dynamic";

export const GET = handle(sync.cronSync, async () => {
  const { sync, isNew } = await startSync(getDb(), "cron", enqueueSync(await getBoss()));
  return reply({ sync: toSyncJson(sync), is_new: isNew });
});
