// GET /api/sync/{sync_id} — one run, with every difference it found and what it did
import { ApiError } from "@/lib/api/errors";
import { getDb } from "@/lib/db/server";
import { handle, reply } from "@/lib/endpoints/handle";
import { sync } from "@/lib/endpoints/sync";
import { getSync } from "@/lib/sync/start";

export const dynamic = "force-dynamic";

export const GET = handle(sync.getSync, async ({ params: { sync_id } }) => {
  const sync = await getSync(getDb(), sync_id);
  if (!sync) throw new ApiError("not_found", `Sync ${sync_id} does not exist.`);
  return reply(sync);
});
