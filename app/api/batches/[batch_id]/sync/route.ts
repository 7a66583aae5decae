// POST /api/batches/{batch_id}/sync — reconcile one batch with the chain now (seed 000's sync_batch)
import { ApiError } from "@/lib/api/errors";
import { handle, reply } from "@/lib/endpoints/handle";
import { sync } from "@/lib/endpoints/sync";
import { syncBatch } from "@/lib/sync/run";
import { getSyncConfig } from "@/lib/sync/server";
import { getSync } from "@/lib/sync/start";

export const dynamic = "force-dynamic";

export const POST = handle(sync.syncBatch, async ({ params: { batch_id } }) => {
  const config = getSyncConfig();
  const syncId = await syncBatch(config, batch_id).catch((error: Error) => {
    throw new ApiError(
      "chain_unreachable",
      `The chain could not be read, so the batch was not synced: ${error.message.split("\n")[0]}`,
    );
  });
  if (syncId === null) throw new ApiError("not_found", `Batch ${batch_id} does not exist.`);
  return reply(await getSync(config.db, syncId));
});
