// The one place that decides who a request comes from: its address and country are believed only
// from the proxy TRUSTED_PROXY names, never from headers a client could have sent itself.
import { isIP } from "node:net";

import { getEnv, type TrustedProxy } from "@/lib/env";

type HeaderSource = { get(name: string): string | null };

/** What every client is when no trusted proxy names it (`next start` gives route handlers no socket). */
export const unknownClient = "unknown";

/** An IPv4 or IPv6 address, without a port or brackets; null for anything else. */
function addressOf(raw: string | null | undefined): string | null {
  const text = raw?.trim() ?? "";
  const bare = /^\[([^\]]+)\](?::\d+)?$/.exec(text)?.[1] ?? /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/.exec(text)?.[1] ?? text;
  return isIP(bare) ? bare.toLowerCase() : null;
}

/** The client's address as the trusted proxy reports it, else "unknown". */
export function clientAddress(headers: HeaderSource, proxy: TrustedProxy = getEnv().TRUSTED_PROXY): string {
  if (proxy === "vercel")
    return (
      addressOf(headers.get("x-vercel-forwarded-for")?.split(",")[0]) ??
      addressOf(headers.get("x-real-ip")) ??
      unknownClient
    );
  if (proxy === "cloudflare") return addressOf(headers.get("cf-connecting-ip")) ?? unknownClient;
  if (typeof proxy === "number") {
    // Each proxy appends the address it was called from; entries left of ours are the client's to forge.
    const entries = (headers.get("x-forwarded-for") ?? "").split(",");
    return entries.length >= proxy ? (addressOf(entries[entries.length - proxy]) ?? unknownClient) : unknownClient;
  }
  return unknownClient;
}

/** The client's ISO country code from the trusted proxy's geo header; null without one, or for unknown and Tor. */
export function clientCountry(headers: HeaderSource, proxy: TrustedProxy = getEnv().TRUSTED_PROXY): string | null {
  const header = proxy === "vercel" ? "x-vercel-ip-country" : proxy === "cloudflare" ? "cf-ipcountry" : null;
  const code = (header ? (headers.get(header) ?? "") : "").trim().toUpperCase();
  return /^[A-Z]{2}$/.test(code) && code !== "XX" && code !== "T1" ? code : null;
}
