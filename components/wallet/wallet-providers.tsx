"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState } from "react";
import { WagmiProvider, type State } from "wagmi";

import { getConfig, type WalletSettings } from "@/lib/wallet/config";

export function WalletProviders({
  settings,
  initialState,
  children,
}: {
  settings: WalletSettings;
  initialState?: State;
  children: React.ReactNode;
}) {
  const [config] = useState(() => getConfig(settings));
  const [queryClient] = useState(() => new QueryClient({ defaultOptions: { queries: { staleTime: 10_000 } } }));
  return (
    <WagmiProvider config={config} initialState={initialState}>
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    </WagmiProvider>
  );
}
