// POST /api/chainlink/quality-check/{batch_id} — the Chainlink DON's signed call (chainlink/sources/quality-check.js)
import { handle } from "@/lib/api/handler";
import { respondToCheck } from "@/lib/chainlink/server";

export const dynamic = "force-dynamic";

export const POST = handle<{ batch_id: string }>("POST /api/chainlink/quality-check/[batch_id]", ({ request, params }) => respondToCheck(request, "quality_check", params.batch_id));
