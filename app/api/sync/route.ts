// POST /api/sync — start a full reconciliation now (202 with the new run, or 200 with the one under way)
// GET /api/sync — the latest runs, newest first
import { getDb } from "@/lib/db/server";
import { handle, reply } from "@/lib/endpoints/handle";
import { sync } from "@/lib/endpoints/sync";
import { enqueueSync } from "@/lib/jobs/boss";
import { getBoss } from "@/lib/jobs/server";
import { listSyncs, startSync, toSyncJson } from "@/lib/sync/start";

export const dynamic = "force-dynamic";

export const POST = handle(sync.startSync, async () => {
  const { sync, isNew } = await startSync(getDb(), "manual", enqueueSync(await getBoss()));
  return reply({ sync: toSyncJson(sync), is_new: isNew }, isNew ? 202 : 200);
});

export const GET = handle(sync.listSyncs, async () => reply({ data: await listSyncs(getDb()) }));
