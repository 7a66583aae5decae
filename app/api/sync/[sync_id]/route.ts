// GET /api/sync/{sync_id} — one run, with every difference it found and what it did
import { NextResponse } from "next/server";
import { ApiError } from "@/lib/api/errors";
import { handle } from "@/lib/api/handler";
import { idParams } from "@/lib/api/params";
import { getDb } from "@/lib/db/server";
import { getSync } from "@/lib/sync/start";

export const dynamic = "force-dynamic";

export const GET = handle<{ sync_id: string }>("GET /api/sync/[sync_id]", async ({ params }) => {
  const { sync_id } = idParams("sync_id").parse(params);
  const sync = await getSync(getDb(), sync_id);
  if (!sync) throw new ApiError("not_found", `Sync ${sync_id} does not exist.`);
  return NextResponse.json(sync);
});
