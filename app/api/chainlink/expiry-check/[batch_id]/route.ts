// POST /api/chainlink/expiry-check/{batch_id} — the Chainlink DON's signed call (chainlink/sources/expiry-check.js)
import { respondToCheck } from "@/lib/chainlink/server";
import { chainlink } from "@/lib/endpoints/chainlink";
import { handle } from "@/lib/endpoints/handle";

export const dynamic = "force-dynamic";

export const POST = handle(chainlink.chainlinkExpiryCheck, ({ request, params, body }) =>
  respondToCheck(request, body, "expiry_check", params.batch_id),
);
