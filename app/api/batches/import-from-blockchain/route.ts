// POST /api/batches/import-from-blockchain — create or refresh a batch from the chain by its token id
import { actorOf } from "@/lib/audit/actor";
import { importBatch } from "@/lib/batches/import";
import { getChain } from "@/lib/chain/server";
import { getDb } from "@/lib/db/server";
import { batches } from "@/lib/endpoints/batches";
import { handle, reply } from "@/lib/endpoints/handle";

export const dynamic = "force-dynamic";

// The seed passes the id as a query parameter; a JSON body works too (the declaration's bodyFromQuery).
export const POST = handle(batches.importBatch, async ({ body: { blockchain_batch_id }, caller }) => {
  const result = await importBatch(getDb(), getChain(), blockchain_batch_id, actorOf(caller));
  return reply(
    { batch_id: result.batchId, import_log_id: result.importLogId, action: result.isNew ? "created" : "refreshed" },
    result.isNew ? 201 : 200,
  );
});
