import type { Metadata } from "next";
import { cookies } from "next/headers";

import { NewBatchForm } from "@/components/batches/new-batch-form";
import { EmptyState } from "@/components/ui/card";
import { PageWallet } from "@/components/wallet/page-wallet";
import { requirePageUser } from "@/lib/auth/session";
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
        <PageWallet settings={settings}>
          <NewBatchForm chainId={settings.chainId} batchTokenAddress={settings.batchTokenAddress} />
        </PageWallet>
      ) : (
        <EmptyState>
          Minting from the browser needs a public RPC endpoint for chain reads and wallet calls: set PUBLIC_RPC_URL.
        </EmptyState>
      )}
    </div>
  );
}
