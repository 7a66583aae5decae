// POST /api/chainlink/verify-batch/{batch_id} — the Chainlink DON's signed call (chainlink/sources/verify-batch.js)
import { handle } from "@/lib/api/handler";
import { respondToCheck } from "@/lib/chainlink/server";

export const dynamic = "force-dynamic";

export const POST = handle<{ batch_id: string }>("POST /api/chainlink/verify-batch/[batch_id]", ({ request, params }) => respondToCheck(request, "verify_batch", params.batch_id));
