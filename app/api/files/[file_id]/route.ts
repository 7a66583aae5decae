// GET /api/files/{file_id} — an uploaded quality-check file, served as its checked type
import { getDb } from "@/lib/db/server";
import { handle } from "@/lib/endpoints/handle";
import { verification } from "@/lib/endpoints/verification";
import { getQualityFile } from "@/lib/quality/checks";
import { fileResponse } from "@/lib/storage/response";

export const dynamic = "force-dynamic";

export const GET = handle(verification.getFile, async ({ params: { file_id }, scope }) =>
  fileResponse(await getQualityFile(getDb(), file_id, scope)),
);
