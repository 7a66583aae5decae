// POST /api/chainlink/quality-check/{batch_id} — the Chainlink DON's signed call (chainlink/sources/quality-check.js)
import { respondToCheck } from "@/lib/chainlink/server";
import { chainlink } from "@/lib/endpoints/chainlink";
import { handle } from "@/lib/endpoints/handle";

export const dynamic = "force-dynamic";

export const POST = handle(chainlink.chainlinkQualityCheck, ({ request, params, body }) =>
  respondToCheck(request, body, "quality_check", params.batch_id),
);
