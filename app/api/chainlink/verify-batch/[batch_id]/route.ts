// POST /api/chainlink/verify-batch/{batch_id} — the Chainlink DON's signed call (chainlink/sources/verify-batch.js)
import { respondToCheck } from "@/lib/chainlink/server";
import { chainlinkVerifyBatch } from "@/lib/endpoints/chainlink";
import { handle } from "@/lib/endpoints/handle";

export const dynamic = "force-dynamic";

export const POST = handle(chainlinkVerifyBatch, ({ request, params, body }) =>
  respondToCheck(request, body, "verify_batch", params.batch_id),
);
