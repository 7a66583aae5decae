import "server-only";

import { isAddress, type Address } from "viem";

import { getEnv } from "@/lib/env";

import { mockWalletCookie, type WalletSettings } from "./config";

/** What the browser needs to talk to the chain, or null when no public RPC is configured. */
export function getWalletSettings(cookies: {
  get: (name: string) => { value: string } | undefined;
}): WalletSettings | null {
  const env = getEnv();
  const isLocal = env.CHAIN_ID === 31337;
  const rpcUrl = env.PUBLIC_RPC_URL ?? (isLocal ? env.RPC_URL : undefined);
  if (!rpcUrl) return null;
  const requested = cookies.get(mockWalletCookie)?.value;
  const mockAccount =
    isLocal && env.WALLET_MOCK === "1" && requested && isAddress(requested) ? (requested as Address) : null;
  return {
    chainId: env.CHAIN_ID,
    rpcUrl,
    batchTokenAddress: env.BATCH_TOKEN_ADDRESS as Address,
    consumerAddress: (env.CHAINLINK_CONSUMER_ADDRESS as Address | undefined) ?? null,
    mockAccount,
    walletConnectProjectId: env.WALLETCONNECT_PROJECT_ID ?? null,
  };
}
