// POST /api/batches/{batch_id}/sync — reconcile one batch with the chain now (seed 000's sync_batch)
import { NextResponse } from "next/server";
import { ApiError } from "@/lib/api/errors";
import { handle } from "@/lib/api/handler";
import { idParams } from "@/lib/api/params";
import { syncBatch } from "@/lib/sync/run";
import { getSyncConfig } from "@/lib/sync/server";
import { getSync } from "@/lib/sync/start";

export const dynamic = "force-dynamic";

export const POST = handle<{ batch_id: string }>("POST /api/batches/[batch_id]/sync", async ({ params }) => {
  const { batch_id } = idParams("batch_id").parse(params);
  const config = getSyncConfig();
  const syncId = await syncBatch(config, batch_id).catch((error: Error) => {
    throw new ApiError("chain_unreachable", `The chain could not be read, so the batch was not synced: ${error.message.split("\n")[0]}`);
  });
  if (syncId === null) throw new ApiError("not_found", `Batch ${batch_id} does not exist.`);
  return NextResponse.json(await getSync(config.db, syncId));
});
