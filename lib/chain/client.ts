import { createPublicClient, defineChain, http, type Chain, type PublicClient } from "viem";
import { anvil } from "viem/chains";

/** The chain with `rpcUrl` as its default RPC: wallets and connectors use that one, not a preset's. */
export function chainFor(chainId: number, rpcUrl: string): Chain {
  const rpcUrls = { default: { http: [rpcUrl] } };
  if (chainId === anvil.id) return { ...anvil, rpcUrls };
  return defineChain({
    id: chainId,
    name: `Chain ${chainId}`,
    nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 },
    rpcUrls,
  });
}

/** How many times the client sends a failed request again before it gives up. */
export const rpcRetries = 3;

export function createChainClient(rpcUrl: string, chainId: number): PublicClient {
  // A local chain mines at once; public chains take seconds per block.
  const pollingInterval = chainId === anvil.id ? 50 : 4_000;
  return createPublicClient({
    chain: chainFor(chainId, rpcUrl),
    pollingInterval,
    transport: http(rpcUrl, { retryCount: rpcRetries, timeout: 15_000 }),
  });
}
