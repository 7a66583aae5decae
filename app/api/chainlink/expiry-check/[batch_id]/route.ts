// POST /api/chainlink/expiry-check/{batch_id} — the Chainlink DON's signed call (chainlink/sources/expiry-check.js)
import { handle } from "@/lib/api/handler";
import { respondToCheck } from "@/lib/chainlink/server";

export const dynamic = "force-dynamic";

export const POST = handle<{ batch_id: string }>("POST /api/chainlink/expiry-check/[batch_id]", ({ request, params }) => respondToCheck(request, "expiry_check", params.batch_id));
