// Uploaded files by key: Supabase Storage when it is configured, else the local disk under UPLOAD_DIR.
// Keys are server-made random names (newFileKey), never a user's filename, so no path can escape.
import "server-only";

import { randomBytes } from "node:crypto";
import { mkdir, readFile as readDiskFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { createClient, type SupabaseClient } from "@supabase/supabase-js";
import { z } from "zod";

import { ApiError } from "@/lib/api/errors";
import { getStorageEnv } from "@/lib/env";

export type StoredFile = { bytes: Uint8Array<ArrayBuffer>; contentType: string };

const ZKey = z.string().regex(/^[a-f0-9]{32}$/, "must be a key from newFileKey()");

export const newFileKey = () => randomBytes(16).toString("hex");

let supabase: { url: string; client: SupabaseClient } | undefined;

/** The Supabase bucket when both Supabase variables are set; null means the local disk. */
function getBucket() {
  const env = getStorageEnv();
  if (!env.SUPABASE_URL || !env.SUPABASE_SERVICE_ROLE_KEY) return null;
  if (supabase?.url !== env.SUPABASE_URL) {
    const client = createClient(env.SUPABASE_URL, env.SUPABASE_SERVICE_ROLE_KEY, {
      auth: { persistSession: false, autoRefreshToken: false },
    });
    supabase = { url: env.SUPABASE_URL, client };
  }
  return supabase.client.storage.from(env.SUPABASE_STORAGE_BUCKET);
}

/** The file's path and its content-type sidecar; the key is checked first, so both stay inside UPLOAD_DIR. */
function diskPaths(key: string) {
  const file = path.join(path.resolve(getStorageEnv().UPLOAD_DIR), ZKey.parse(key));
  return { file, type: `${file}.type` };
}

export async function saveFile(input: { key: string; contentType: string; bytes: Uint8Array }): Promise<void> {
  const bucket = getBucket();
  if (bucket) {
    const { error } = await bucket.upload(ZKey.parse(input.key), input.bytes, {
      contentType: input.contentType,
      upsert: false,
    });
    if (error) throw new Error(`Supabase Storage upload of ${input.key} failed: ${error.message}`);
    return;
  }
  const { file, type } = diskPaths(input.key);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(type, input.contentType, { flag: "wx" });
  await writeFile(file, input.bytes, { flag: "wx" });
}

export async function readFile(key: string): Promise<StoredFile | null> {
  const bucket = getBucket();
  if (bucket) {
    const { data, error } = await bucket.download(ZKey.parse(key));
    if (error || !data) return null;
    return { bytes: new Uint8Array(await data.arrayBuffer()), contentType: data.type };
  }
  const { file, type } = diskPaths(key);
  try {
    const [bytes, contentType] = await Promise.all([readDiskFile(file), readDiskFile(type, "utf8")]);
    return { bytes: new Uint8Array(bytes), contentType };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}

type FileRow = { storageKey: string; filename: string; contentType: string };

/** An uploaded file's bytes with the name and type it was stored under; 404 (`missing`) when it is gone. */
export async function readFileRow(file: FileRow | undefined, missing: string) {
  const stored = file ? await readFile(file.storageKey) : null;
  if (!file || !stored) throw new ApiError("not_found", missing);
  return { filename: file.filename, contentType: file.contentType, bytes: stored.bytes };
}

export async function deleteFile(key: string): Promise<void> {
  const bucket = getBucket();
  if (bucket) {
    const { error } = await bucket.remove([ZKey.parse(key)]);
    if (error) throw new Error(`Supabase Storage delete of ${key} failed: ${error.message}`);
    return;
  }
  const { file, type } = diskPaths(key);
  await Promise.all([rm(file, { force: true }), rm(type, { force: true })]);
}
