// A page's one wallet provider, started from the wagmi cookie. One per page: two on one page each
// keep a wagmi store over the same cookie, and once a transaction changes one, their updates chase
// each other (React error 185). So a page wraps all its wallet parts in one PageWallet.
import { headers } from "next/headers";
import { cookieToInitialState } from "wagmi";

import { getConfig, type WalletSettings } from "@/lib/wallet/config";

import { WalletProviders } from "./wallet-providers";

/** The children inside the wallet provider; as they are when the browser cannot reach the chain (no settings). */
export async function PageWallet({
  settings,
  children,
}: {
  settings: WalletSettings | null;
  children: React.ReactNode;
}) {
  if (!settings) return children;
  return (
    <WalletProviders
      settings={settings}
      initialState={cookieToInitialState(getConfig(settings), (await headers()).get("cookie"))}
    >
      {children}
    </WalletProviders>
  );
}
