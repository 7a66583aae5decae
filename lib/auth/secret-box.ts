// Secrets the app must read back (TOTP seeds) are kept encrypted: AES-256-GCM under a key derived from AUTH_SECRET.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

export type SecretKey = Buffer;

export const deriveSecretKey = (authSecret: string, purpose: string): SecretKey =>
  Buffer.from(hkdfSync("sha256", authSecret, "batchtrail", purpose, 32));

export function sealSecret(plain: string, key: SecretKey): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return `v1.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64url")}`;
}

/** The plain secret; throws if it was sealed under another key or altered. */
export function openSecret(sealed: string, key: SecretKey): string {
  const raw = Buffer.from(sealed.replace(/^v1\./, ""), "base64url");
  const decipher = createDecipheriv("aes-256-gcm", key, raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
}
