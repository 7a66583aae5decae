import "server-only";

import type { Address, PublicClient } from "viem";

import { getEnv } from "@/lib/env";

import { createChainClient } from "./client";

export type ChainHandle = { client: PublicClient; chainId: number; address: Address };

const globalForChain = globalThis as unknown as { batchtrailChain?: ChainHandle };

/** The app's client for the configured chain and its batch token. */
export function getChain(): ChainHandle {
  const env = getEnv();
  globalForChain.batchtrailChain ??= {
    client: createChainClient(env.RPC_URL, env.CHAIN_ID),
    chainId: env.CHAIN_ID,
    address: env.BATCH_TOKEN_ADDRESS as Address,
  };
  return globalForChain.batchtrailChain;
}
