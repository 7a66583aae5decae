// GET /api/cron/sync — enqueue a full reconciliation for the worker (Vercel Cron, CRON_SECRET bearer)
import { NextResponse } from "next/server";
import { handle } from "@/lib/api/handler";
import { getDb } from "@/lib/db/server";
import { enqueueSync } from "@/lib/jobs/boss";
import { getBoss } from "@/lib/jobs/server";
import { startSync, toSyncJson } from "@/lib/sync/start";

export const dynamic = "force-dynamic";

export const GET = handle("GET /api/cron/sync", async () => {
  const { sync, isNew } = await startSync(getDb(), "cron", enqueueSync(await getBoss()));
  return NextResponse.json({ sync: toSyncJson(sync), is_new: isNew });
});
