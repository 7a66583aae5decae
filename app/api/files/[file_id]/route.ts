// GET /api/files/{file_id} — an uploaded quality-check file, served as its checked type
import { handle } from "@/lib/api/handler";
import { fileContentSecurityPolicy } from "@/lib/api/security-headers";
import { idParams } from "@/lib/api/params";
import { getDb } from "@/lib/db/server";
import { getQualityFile } from "@/lib/quality/checks";
import { contentDisposition } from "@/lib/storage/uploads";

export const dynamic = "force-dynamic";

export const GET = handle<{ file_id: string }>("GET /api/files/[file_id]", async ({ params, scope }) => {
  const { file_id } = idParams("file_id").parse(params);
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
