// The public trace page's data: the batch's story with proofs, and the view counted. Rate limited
// per client, and told the client's address and country only by a trusted proxy (TRUSTED_PROXY).
import "server-only";

import { createHmac } from "node:crypto";

import { clientAddress, clientCountry, unknownClient } from "@/lib/api/client-ip";
import { hitRateLimit } from "@/lib/auth/rate-limit";
import { getChain } from "@/lib/chain/server";
import { getDb } from "@/lib/db/server";
import { getEnv } from "@/lib/env";

import { recordScan } from "./scans";
import { getAnchorTarget } from "./server";
import { getTrace } from "./trace";

/** Trace page views per client address per minute (with TRUSTED_PROXY=none, all clients share it). */
export const traceViewsPerMinute = 60;

type HeaderSource = { get(name: string): string | null };

export type TraceLimited = { isLimited: true; retryAfterSeconds: number };

/** The client as the scan table keeps it: a keyed hash, so no address is stored. */
const scanClient = (address: string) =>
  createHmac("sha256", getEnv().AUTH_SECRET).update(`trace-scan:${address}`).digest("hex").slice(0, 32);

export async function loadTrace(code: string, headers: HeaderSource) {
  const env = getEnv();
  const db = getDb();
  const address = clientAddress(headers);
  const limit = await hitRateLimit(db, `trace:${address}`, traceViewsPerMinute, 60);
  if (!limit.isAllowed) return { isLimited: true, retryAfterSeconds: limit.retryAfterSeconds } satisfies TraceLimited;
  const target = env.AUDIT_ANCHOR_ADDRESS ? getAnchorTarget() : null;
  const trace = await getTrace(db, code, target ? { target, client: getChain().client } : null);
  if (!trace) return null;
  const scan = {
    place: clientCountry(headers) ?? "unknown",
    client: address === unknownClient ? null : scanClient(address),
  };
  // Counting must never cost the buyer the page.
  await recordScan(db, trace.batch.id, scan).catch((e: Error) =>
    console.error(`[trace] scan not counted: ${e.message}`),
  );
  return {
    isLimited: false as const,
    ...trace,
    explorerUrl: env.EXPLORER_URL ?? null,
    // The RPC browsers may read the chain through (never RPC_URL off the local chain: it may hold a key).
    rpcUrl: env.PUBLIC_RPC_URL ?? (env.CHAIN_ID === 31337 ? env.RPC_URL : null),
    anchor: target,
  };
}
