import type { Metadata } from "next";
import { cookies } from "next/headers";

import { ImportFromChain } from "@/components/batches/import-from-chain";
import { NewBatchForm } from "@/components/batches/new-batch-form";
import { EmptyState } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { PageWallet } from "@/components/wallet/page-wallet";
import { requirePageUser } from "@/lib/auth/session";
import { can } from "@/lib/endpoints/permissions";
import { getWalletSettings } from "@/lib/wallet/settings";

export const metadata: Metadata = { title: "Add new batch" };
export const dynamic = "force-dynamic";

export default async function NewBatchPage() {
  const user = await requirePageUser("/batches/new");
  const settings = getWalletSettings(await cookies());
  return (
    <div className="flex flex-col gap-5">
      <PageHeader title="Add new batch">
        Describe the batch, then sign its creation with the wallet that owns it. It is minted on chain and appears in
        the inventory once indexed.
      </PageHeader>
      {settings ? (
        <PageWallet settings={settings}>
          <NewBatchForm chainId={settings.chainId} batchTokenAddress={settings.batchTokenAddress} />
        </PageWallet>
      ) : (
        <EmptyState>
          Minting from the browser needs a public RPC endpoint for chain reads and wallet calls: set PUBLIC_RPC_URL.
        </EmptyState>
      )}
      {can(user, "POST /api/batches/import-from-blockchain") && <ImportFromChain />}
    </div>
  );
}
