// POST /api/sync — start a full reconciliation now (202 with the new run, or 200 with the one under way)
// GET /api/sync — the latest runs, newest first
import { NextResponse } from "next/server";
import { handle } from "@/lib/api/handler";
import { getDb } from "@/lib/db/server";
import { enqueueSync } from "@/lib/jobs/boss";
import { getBoss } from "@/lib/jobs/server";
import { listSyncs, startSync, toSyncJson } from "@/lib/sync/start";

export const dynamic = "force-dynamic";

export const POST = handle("POST /api/sync", async () => {
  const { sync, isNew } = await startSync(getDb(), "manual", enqueueSync(await getBoss()));
  return NextResponse.json({ sync: toSyncJson(sync), is_new: isNew }, { status: isNew ? 202 : 200 });
});

export const GET = handle("GET /api/sync", async () => {
  return NextResponse.json({ data: await listSyncs(getDb()) });
});
