// wagmi config for pages that need a wallet; the same factory runs on the server (initial state) and in the browser.
import type { Address } from "viem";
import { cookieStorage, createConfig, createStorage, http } from "wagmi";
import { injected, mock, walletConnect } from "wagmi/connectors";

import { chainFor } from "@/lib/chain/client";

/** On the local chain with WALLET_MOCK=1, this cookie names the account of wagmi's mock wallet. */
export const mockWalletCookie = "batchtrail-mock-wallet";

export type WalletSettings = {
  chainId: number;
  rpcUrl: string;
  batchTokenAddress: Address;
  consumerAddress: Address | null;
  mockAccount: Address | null;
  walletConnectProjectId: string | null;
};

export function getConfig(s: WalletSettings) {
  const chain = chainFor(s.chainId, s.rpcUrl);
  const wallets = s.walletConnectProjectId
    ? [injected(), walletConnect({ projectId: s.walletConnectProjectId })]
    : [injected()];
  return createConfig({
    chains: [chain],
    connectors: s.mockAccount ? [mock({ accounts: [s.mockAccount], features: { reconnect: true } })] : wallets,
    storage: createStorage({ storage: cookieStorage }),
    ssr: true,
    transports: { [chain.id]: http(s.rpcUrl) },
  });
}
