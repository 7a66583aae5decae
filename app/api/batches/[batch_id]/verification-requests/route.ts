// GET /api/batches/{batch_id}/verification-requests — the batch's requests, newest first
import { getDb } from "@/lib/db/server";
import { handle, reply } from "@/lib/endpoints/handle";
import { verification } from "@/lib/endpoints/verification";
import { listBatchRequests } from "@/lib/verification/requests";

export const dynamic = "force-dynamic";

export const GET = handle(verification.batchRequests, async ({ params: { batch_id }, query }) =>
  reply(await listBatchRequests(getDb(), batch_id, query)),
);
