// POST /api/verification-requests/{request_id}/process {"actual_quantity": "1250.5"} — record the count
import { getChain } from "@/lib/chain/server";
import { getDb } from "@/lib/db/server";
import { handle, reply } from "@/lib/endpoints/handle";
import { verification } from "@/lib/endpoints/verification";
import { getEnv } from "@/lib/env";
import { processRequest } from "@/lib/verification/requests";

export const dynamic = "force-dynamic";

export const POST = handle(verification.processRequest, async ({ params: { request_id }, body, caller }) =>
  reply(await processRequest(getDb(), getChain(), request_id, body, getEnv().VERIFICATION_TOLERANCE_PCT, caller)),
);
