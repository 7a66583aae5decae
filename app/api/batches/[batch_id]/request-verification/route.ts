// POST /api/batches/{batch_id}/request-verification — ask for a count (201), or get the one waiting (200)
import { NextResponse } from "next/server";
import { handle, parseJson } from "@/lib/api/handler";
import { idParams } from "@/lib/api/params";
import { getDb } from "@/lib/db/server";
import { requestVerification } from "@/lib/verification/requests";
import { ZVerificationRequest } from "@/lib/verification/schemas";

export const dynamic = "force-dynamic";

export const POST = handle<{ batch_id: string }>("POST /api/batches/[batch_id]/request-verification", async ({ request, params, caller }) => {
  const { batch_id } = idParams("batch_id").parse(params);
  // No body is a request without notes; a body that is not JSON is refused, not read as none.
  const text = await request.text();
  const { notes } = ZVerificationRequest.parse(text.trim() ? parseJson(text) : {});
  const result = await requestVerification(getDb(), batch_id, notes, caller);
  return NextResponse.json(result.request, { status: result.isNew ? 201 : 200 });
});
