// Device cookies (OWASP's defence against lockout abuse): a browser that signed in to an account
// before counts its failed guesses apart from everyone else's, so strangers' guesses never lock it
// out, even where no trusted proxy tells one client from another (TRUSTED_PROXY=none).
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

import type { SecretKey } from "./secret-box";

export const deviceCookie = "bt_device";

const sign = (key: SecretKey, email: string, nonce: string) =>
  createHmac("sha256", key).update(`${email.toLowerCase()}\n${nonce}`).digest("base64url");

/** A token for the browser that just signed in as `email`. */
export function issueDeviceToken(key: SecretKey, email: string): string {
  const nonce = randomBytes(12).toString("base64url");
  return `${nonce}.${sign(key, email, nonce)}`;
}

/** The device's id when `token` was issued to a browser that signed in as `email`, else null. */
export function deviceOf(key: SecretKey, token: string | undefined, email: string): string | null {
  const [nonce, mac, ...rest] = (token ?? "").split(".");
  if (!nonce || !mac || rest.length) return null;
  const expected = Buffer.from(sign(key, email, nonce));
  const given = Buffer.from(mac);
  return given.length === expected.length && timingSafeEqual(given, expected) ? nonce : null;
}
