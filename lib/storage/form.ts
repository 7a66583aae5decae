// A multipart upload: a JSON field beside photo and certificate files, each file's real type taken
// from its bytes and checked against its kind, its size and the number of files; then saved, and
// removed again when what they belong to is not stored.
import "server-only";

import { z } from "zod";

import { ApiError } from "@/lib/api/errors";
import { qualityFileKinds } from "@/lib/db/enums";
import { getStorageEnv } from "@/lib/env";

import { deleteFile, newFileKey, saveFile } from "./files";
import { cleanFilename, sniffContentType, type SniffedType } from "./uploads";

export const maxFiles = 5;

const allowedTypes: Record<(typeof qualityFileKinds)[number], SniffedType[]> = {
  photo: ["image/jpeg", "image/png", "image/webp"],
  certificate: ["application/pdf", "image/jpeg", "image/png", "image/webp"],
};

export const ZUploadedFile = z.object({
  kind: z.enum(qualityFileKinds),
  filename: z.string().transform(cleanFilename),
  contentType: z.string(),
  bytes: z.instanceof(Uint8Array),
});
export type UploadedFile = z.input<typeof ZUploadedFile>;
export type CheckedFile = z.output<typeof ZUploadedFile> & { key: string };

/** The JSON in `field` and the `photos` / `certificates` files of a multipart body. */
export async function readUploadForm(
  request: Request,
  field: string,
): Promise<{ input: unknown; files: UploadedFile[] }> {
  // Refused before reading: a body larger than every allowed file together is never held in memory.
  const limit = maxFiles * getStorageEnv().UPLOAD_MAX_BYTES + 1_000_000;
  if (Number(request.headers.get("content-length") ?? 0) > limit)
    throw new ApiError(
      "validation_error",
      `The upload is larger than ${maxFiles} files of ${getStorageEnv().UPLOAD_MAX_BYTES} bytes.`,
    );
  const form = await request.formData().catch(() => {
    throw new ApiError("validation_error", "The multipart body could not be read.");
  });
  const json = form.get(field);
  let input: unknown = null;
  try {
    input = typeof json === "string" ? JSON.parse(json) : null;
  } catch {
    throw new ApiError("validation_error", `${field}: must be JSON`);
  }
  const files: UploadedFile[] = [];
  for (const [name, kind] of [
    ["photos", "photo"],
    ["certificates", "certificate"],
  ] as const) {
    for (const f of form.getAll(name)) {
      // A file input left empty still sends an empty, unnamed part (which some parsers read as "").
      if (f === "" || (typeof f !== "string" && f.size === 0 && !f.name)) continue;
      if (typeof f === "string") throw new ApiError("validation_error", `${name}: must be files`);
      files.push({ kind, filename: f.name, contentType: f.type, bytes: new Uint8Array(await f.arrayBuffer()) });
    }
  }
  return { input, files };
}

/** Each file's real type from its bytes; the declared type (when given) must agree. */
export function checkFiles(
  input: UploadedFile[],
  kinds: readonly UploadedFile["kind"][] = qualityFileKinds,
): CheckedFile[] {
  const files = z.array(ZUploadedFile).parse(input);
  const maxBytes = getStorageEnv().UPLOAD_MAX_BYTES;
  if (files.length > maxFiles)
    throw new ApiError("validation_error", `At most ${maxFiles} files at once; ${files.length} were sent.`);
  return files.map((f) => {
    if (!kinds.includes(f.kind))
      throw new ApiError("validation_error", `${f.filename}: only ${kinds.join(" and ")} files are taken here.`);
    if (f.bytes.length === 0) throw new ApiError("validation_error", `${f.filename}: the file is empty.`);
    if (f.bytes.length > maxBytes)
      throw new ApiError(
        "validation_error",
        `${f.filename}: ${f.bytes.length} bytes is over the ${maxBytes}-byte limit.`,
      );
    const sniffed = sniffContentType(f.bytes);
    const declared = f.contentType.split(";")[0].trim().toLowerCase();
    const isDeclaredKnown = declared !== "" && declared !== "application/octet-stream";
    if (!sniffed || !allowedTypes[f.kind].includes(sniffed) || (isDeclaredKnown && declared !== sniffed)) {
      const found = sniffed ? `its content is ${sniffed}` : "its content is not a recognised file type";
      throw new ApiError(
        "validation_error",
        `${f.filename}: a ${f.kind} must be ${allowedTypes[f.kind].join(", ")}, and ${found}${isDeclaredKnown ? ` (declared ${declared})` : ""}.`,
      );
    }
    return { ...f, contentType: sniffed, key: newFileKey() };
  });
}

/** Saves the files, then runs `store`; when it throws, the saved files go again. */
export async function withSavedFiles<T>(files: CheckedFile[], store: () => Promise<T>): Promise<T> {
  const saved: string[] = [];
  try {
    for (const f of files) {
      await saveFile({ key: f.key, contentType: f.contentType, bytes: f.bytes });
      saved.push(f.key);
    }
    return await store();
  } catch (error) {
    // Best effort: a file left behind is only unreferenced bytes, never a visible record.
    await Promise.allSettled(saved.map(deleteFile));
    throw error;
  }
}
