// The public trace page's data: the batch's story with proofs, and the view counted.
import "server-only";
import { headers } from "next/headers";
import { getChain } from "@/lib/chain/server";
import { getDb } from "@/lib/db/server";
import { getEnv } from "@/lib/env";
import { recordScan, placeOf } from "./scans";
import { getAnchorTarget } from "./server";
import { getTrace } from "./trace";

export async function loadTrace(code: string) {
  const env = getEnv();
  const db = getDb();
  const target = env.AUDIT_ANCHOR_ADDRESS ? getAnchorTarget() : null;
  const trace = await getTrace(db, code, target ? { target, client: getChain().client } : null);
  if (!trace) return null;
  // Counting must never cost the buyer the page.
  await recordScan(db, trace.batch.id, placeOf(await headers())).catch((e: Error) => console.error(`[trace] scan not counted: ${e.message}`));
  return {
    ...trace,
    explorerUrl: env.EXPLORER_URL ?? null,
    // The RPC browsers may read the chain through (never RPC_URL off the local chain: it may hold a key).
    rpcUrl: env.PUBLIC_RPC_URL ?? (env.CHAIN_ID === 31337 ? env.RPC_URL : null),
    anchor: target,
  };
}
