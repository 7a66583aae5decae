// The app's status check: its database, and an RPC client of its own that gives up quickly, so a
// stopped chain shows as down within seconds instead of after the app's patient retries.
import "server-only";

import type { PublicClient } from "viem";

import { getDb } from "@/lib/db/server";
import { getEnv } from "@/lib/env";
import { getListener } from "@/lib/events/server";

import { createStatusClient } from "./checks";
import type { StatusDeps } from "./status";

const cache = globalThis as unknown as { batchtrailStatusClient?: PublicClient };

export function getStatusDeps(): StatusDeps {
  const env = getEnv();
  cache.batchtrailStatusClient ??= createStatusClient(env.RPC_URL, env.CHAIN_ID);
  return {
    db: getDb(),
    client: cache.batchtrailStatusClient,
    chainId: env.CHAIN_ID,
    listener: getListener().key,
    isFulfillerConfigured: Boolean(env.CHAINLINK_ROUTER_ADDRESS && env.CHAINLINK_COORDINATOR_ADDRESS),
  };
}
