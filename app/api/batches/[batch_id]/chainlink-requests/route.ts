// GET /api/batches/{batch_id}/chainlink-requests — the batch's Chainlink checks, newest first
import { listChecks } from "@/lib/chainlink/list";
import { getDb } from "@/lib/db/server";
import { chainlink } from "@/lib/endpoints/chainlink";
import { handle, reply } from "@/lib/endpoints/handle";

export const dynamic = "force-dynamic";

export const GET = handle(chainlink.chainlinkRequests, async ({ params: { batch_id } }) =>
  reply({ data: await listChecks(getDb(), batch_id) }),
);
