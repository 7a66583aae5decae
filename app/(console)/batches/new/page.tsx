import type { Metadata } from "next";
import { cookies, headers } from "next/headers";
import { cookieToInitialState } from "wagmi";

import { NewBatchForm } from "@/components/batches/new-batch-form";
import { EmptyState } from "@/components/ui/card";
import { WalletProviders } from "@/components/wallet/wallet-providers";
import { requirePageUser } from "@/lib/auth/session";
import { getConfig } from "@/lib/wallet/config";
import { getWalletSettings } from "@/lib/wallet/settings";

export const metadata: Metadata = { title: "Add new batch" };
export const dynamic = "force-dynamic";

export default async function NewBatchPage() {
  await requirePageUser("/batches/new");
  const settings = getWalletSettings(await cookies());
  return (
    <div className="flex flex-col gap-5">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Add new batch</h1>
        <p className="text-sm text-stone-500">
          Describe the batch, then sign its creation with the wallet that owns it. It is minted on chain and appears in
          the inventory once indexed.
        </p>
      </div>
      {settings ? (
        <WalletProviders
          settings={settings}
          initialState={cookieToInitialState(getConfig(settings), (await headers()).get("cookie"))}
        >
          <NewBatchForm chainId={settings.chainId} batchTokenAddress={settings.batchTokenAddress} />
        </WalletProviders>
      ) : (
        <EmptyState>
          Minting from the browser needs a public RPC endpoint for chain reads and wallet calls: set PUBLIC_RPC_URL.
        </EmptyState>
      )}
    </div>
  );
}
