// POST /api/batches/{batch_id}/quality-check — grade and store a quality check, as JSON or multipart with photos and certificates
import { getDb } from "@/lib/db/server";
import { handle, reply } from "@/lib/endpoints/handle";
import { verification } from "@/lib/endpoints/verification";
import { readQualityCheckForm, recordQualityCheck } from "@/lib/quality/checks";

export const dynamic = "force-dynamic";

export const POST = handle(verification.recordQualityCheck, async ({ request, params: { batch_id }, body, caller }) => {
  // A JSON body is parsed by handle(); a multipart one (files beside the `check` field) is read here.
  const { input, files } = body ? { input: body, files: [] } : await readQualityCheckForm(request);
  return reply(await recordQualityCheck(getDb(), batch_id, input, files, caller), 201);
});
