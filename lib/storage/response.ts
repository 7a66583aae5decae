// An uploaded file served back: as its checked type, named safely, never run or sniffed as anything else.
import "server-only";

import { fileContentSecurityPolicy } from "@/lib/api/security-headers";

import { contentDisposition } from "./uploads";

export function fileResponse(file: {
  bytes: Uint8Array<ArrayBuffer>;
  contentType: string;
  filename: string;
}): Response {
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
}
