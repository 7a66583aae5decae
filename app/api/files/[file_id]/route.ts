// GET /api/files/{file_id} — an uploaded quality-check file, served as its checked type
import { fileContentSecurityPolicy } from "@/lib/api/security-headers";
import { getDb } from "@/lib/db/server";
import { handle } from "@/lib/endpoints/handle";
import { getFile } from "@/lib/endpoints/verification";
import { getQualityFile } from "@/lib/quality/checks";
import { contentDisposition } from "@/lib/storage/uploads";

export const dynamic = "force-dynamic";

export const GET = handle(getFile, async ({ params: { file_id }, scope }) => {
  const file = await getQualityFile(getDb(), file_id, scope);
  return new Response(file.bytes, {
    headers: {
      "content-type": file.contentType,
      "content-length": String(file.bytes.length),
      "content-disposition": contentDisposition(file.filename),
      "x-content-type-options": "nosniff",
      "content-security-policy": fileContentSecurityPolicy,
      "cache-control": "private, max-age=0, must-revalidate",
    },
  });
});
