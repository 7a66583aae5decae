// POST /api/verification-requests/{request_id}/process {"actual_quantity": "1250.5"} — record the count
import { NextResponse } from "next/server";
import { handle } from "@/lib/api/handler";
import { idParams } from "@/lib/api/params";
import { getChain } from "@/lib/chain/server";
import { getDb } from "@/lib/db/server";
import { getEnv } from "@/lib/env";
import { processRequest } from "@/lib/verification/requests";
import { ZProcessRequest } from "@/lib/verification/schemas";

export const dynamic = "force-dynamic";

export const POST = handle<{ request_id: string }>("POST /api/verification-requests/[request_id]/process", async ({ request, params, caller }) => {
  const { request_id } = idParams("request_id").parse(params);
  const input = ZProcessRequest.parse(await request.json().catch(() => null));
  return NextResponse.json(await processRequest(getDb(), getChain(), request_id, input, getEnv().VERIFICATION_TOLERANCE_PCT, caller));
});
