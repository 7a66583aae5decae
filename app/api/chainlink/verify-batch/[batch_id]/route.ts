// POST /api/chainlink/verify-batch/{batch_id} — the Chainlink DON's signed call (chainlink/sources/verify-batch.js)
import { respondToCheck } from "@/lib/chainlink/server";
import { chainlink } from "@/lib/endpoints/chainlink";
import { handle } from "@/lib/endpoints/handle";

export const dynamic = "force-dynamic";

export const POST = handle(chainlink.chainlinkVerifyBatch, ({ request, params, body }) =>
  respondToCheck(request, body, "verify_batch", params.batch_id),
);
