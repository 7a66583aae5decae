// How a Functions source signs its call and the API checks it: HMAC-SHA256, with the shared
// secret, of "timestamp.nonce.METHOD.path.body". The timestamp bounds a call's life; the nonce,
// kept once, refuses a replay within it. chainlink/sources/*.js compute the same string.
import { createHmac, timingSafeEqual } from "node:crypto";

export const signatureHeaders = {
  timestamp: "x-batchtrail-timestamp",
  nonce: "x-batchtrail-nonce",
  signature: "x-batchtrail-signature",
} as const;

/** How far a call's timestamp may be from our clock, either way. */
export const maxSkewSeconds = 300;

type Signed = { timestamp: string; nonce: string; method: string; path: string; body: string };

export function sign(secret: string, s: Signed): string {
  return createHmac("sha256", secret).update(`${s.timestamp}.${s.nonce}.${s.method}.${s.path}.${s.body}`).digest("hex");
}

/** The headers a signed call carries (tests and tools use this; the sources build them in JS). */
export function signedHeaders(
  secret: string,
  s: Omit<Signed, "timestamp" | "nonce"> & { timestamp?: string; nonce?: string },
) {
  const timestamp = s.timestamp ?? String(Math.floor(Date.now() / 1000));
  const nonce = s.nonce ?? crypto.randomUUID().replaceAll("-", "");
  return {
    [signatureHeaders.timestamp]: timestamp,
    [signatureHeaders.nonce]: nonce,
    [signatureHeaders.signature]: sign(secret, { ...s, timestamp, nonce }),
  };
}

export type Verdict = { ok: true; nonce: string } | { ok: false; reason: string };

export function verify(
  secret: string,
  headers: Headers,
  call: { method: string; path: string; body: string; now?: number },
): Verdict {
  const timestamp = headers.get(signatureHeaders.timestamp);
  const nonce = headers.get(signatureHeaders.nonce);
  const signature = headers.get(signatureHeaders.signature);
  if (!timestamp || !nonce || !signature)
    return { ok: false, reason: `The call is not signed: send ${Object.values(signatureHeaders).join(", ")}.` };
  if (!/^\d{1,12}$/.test(timestamp)) return { ok: false, reason: "The timestamp is not a number of seconds." };
  if (!/^[0-9a-f]{16,64}$/.test(nonce))
    return { ok: false, reason: "The nonce must be 16 to 64 lowercase hex characters." };
  const expected = Buffer.from(sign(secret, { timestamp, nonce, ...call }), "hex");
  const given = Buffer.from(/^[0-9a-f]{64}$/.test(signature) ? signature : "", "hex");
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    return { ok: false, reason: "The signature does not match." };
  const skew = Math.abs((call.now ?? Date.now() / 1000) - Number(timestamp));
  if (skew > maxSkewSeconds)
    return {
      ok: false,
      reason: `The call is stale: its timestamp is ${Math.round(skew)} s from our clock (at most ${maxSkewSeconds} s).`,
    };
  return { ok: true, nonce };
}
