// The app's status check: its database, and an RPC client of its own that gives up quickly, so a
// stopped chain shows as down within seconds instead of after the app's patient retries.
import "server-only";
import { createPublicClient, http, type PublicClient } from "viem";
import { chainFor } from "@/lib/chain/client";
import { getDb } from "@/lib/db/server";
import { getEnv } from "@/lib/env";
import { getListener } from "@/lib/events/server";
import { thresholds } from "./checks";
import type { StatusDeps } from "./status";

const cache = globalThis as unknown as { batchtrailStatusClient?: PublicClient };

export function getStatusDeps(): StatusDeps {
  const env = getEnv();
  cache.batchtrailStatusClient ??= createPublicClient({ chain: chainFor(env.CHAIN_ID, env.RPC_URL), transport: http(env.RPC_URL, { retryCount: 0, timeout: thresholds.rpcTimeoutMs }) });
  return {
    db: getDb(),
    client: cache.batchtrailStatusClient,
    chainId: env.CHAIN_ID,
    listener: getListener().key,
    isFulfillerConfigured: Boolean(env.CHAINLINK_ROUTER_ADDRESS && env.CHAINLINK_COORDINATOR_ADDRESS),
  };
}
