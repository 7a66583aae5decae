// POST /api/batches/{batch_id}/quality-check — grade and store a quality check, as JSON or multipart with photos and certificates
import { NextResponse } from "next/server";
import { handle } from "@/lib/api/handler";
import { idParams } from "@/lib/api/params";
import { getDb } from "@/lib/db/server";
import { readQualityCheckRequest, recordQualityCheck } from "@/lib/quality/checks";

export const dynamic = "force-dynamic";

export const POST = handle<{ batch_id: string }>("POST /api/batches/[batch_id]/quality-check", async ({ request, params, caller }) => {
  const { batch_id } = idParams("batch_id").parse(params);
  const { input, files } = await readQualityCheckRequest(request);
  return NextResponse.json(await recordQualityCheck(getDb(), batch_id, input, files, caller), { status: 201 });
});
