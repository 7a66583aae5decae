import type { Metadata } from "next";
import { cookies } from "next/headers";
import { cache } from "react";

import { AlertsSection } from "@/components/batch-detail/alerts-section";
import { AskChainlink } from "@/components/batch-detail/ask-chainlink";
import { AuditTrail } from "@/components/batch-detail/audit-trail";
import { BatchFacts } from "@/components/batch-detail/batch-facts";
import { ChainSection } from "@/components/batch-detail/chain-section";
import { ChainlinkSection } from "@/components/batch-detail/chainlink-section";
import { EpcisLink } from "@/components/batch-detail/epcis-link";
import { FraudSection } from "@/components/batch-detail/fraud-section";
import { MarkVerifiedOnchain } from "@/components/batch-detail/mark-verified-onchain";
import { PlotsSection } from "@/components/batch-detail/plots-section";
import { QualitySection } from "@/components/batch-detail/quality-section";
import { Transactions } from "@/components/batch-detail/transactions";
import { VerificationSection } from "@/components/batch-detail/verification-section";
import { DdsSection } from "@/components/eudr/dds-section";
import { LiveRefresh } from "@/components/live-refresh";
import { BatchStock } from "@/components/stock/batch-stock";
import { StockActions } from "@/components/stock/stock-actions";
import { ValueBadge } from "@/components/ui/badge";
import { PageWallet } from "@/components/wallet/page-wallet";
import { getBatch } from "@/lib/batches/get";
import { getChain } from "@/lib/chain/server";
import { can } from "@/lib/endpoints/permissions";
import { getEnv } from "@/lib/env";
import { getListener } from "@/lib/events/server";
import { getBatchVerificationData } from "@/lib/pages/batch";
import { listBatchHoldings, listMovements, listPendingStockActions } from "@/lib/stock/ledger";
import { listWarehouseRows } from "@/lib/stock/warehouses";
import type { WalletSettings } from "@/lib/wallet/config";
import { getWalletSettings } from "@/lib/wallet/settings";

import { loadDetail, type DetailProps } from "../../page-loads";

export const dynamic = "force-dynamic";

// Cached per request: the metadata and the page share one read.
const load = cache(async (idParam: string) => {
  const { user, record } = await loadDetail("/batches", idParam, async (u, id) => {
    const { db, key } = getListener();
    return {
      batch: await getBatch(db, getChain(), id, u.scope),
      data: await getBatchVerificationData(db, key, id, u.scope),
    };
  });
  return { user, ...record };
});

export async function generateMetadata({ params }: DetailProps): Promise<Metadata> {
  const { batch } = await load((await params).id);
  return { title: batch.batch_code };
}

type Batch = Awaited<ReturnType<typeof load>>["batch"];

// The wallet parts need `wallet`, the settings of a browser that can reach the chain (else null); the page's one PageWallet serves them.

/**
 * A verifier's calls from a wallet about a minted batch: mark it verified on chain (when verified off chain
 * and not on chain) and ask Chainlink (when there is a consumer contract to ask).
 */
function verifierActions(batch: Batch, canVerify: boolean, wallet: WalletSettings | null) {
  if (!wallet || !canVerify || !batch.token_id) return {};
  const on = { chainId: wallet.chainId, batchId: batch.id, tokenId: batch.token_id };
  const isToMark = batch.verification_status === "verified" && batch.blockchain?.is_verified === false;
  return {
    onchain: isToMark ? <MarkVerifiedOnchain call={{ ...on, contract: wallet.batchTokenAddress }} /> : undefined,
    chainlink: wallet.consumerAddress ? <AskChainlink call={{ ...on, contract: wallet.consumerAddress }} /> : undefined,
  };
}

/** The batch's holders, pending stock actions, ledger, and (for a minted batch) the actions through a wallet. */
async function stockSection(
  batch: Batch,
  user: Awaited<ReturnType<typeof load>>["user"],
  wallet: WalletSettings | null,
) {
  const { db } = getListener();
  const [holdings, pending, ledger, warehouses] = await Promise.all([
    listBatchHoldings(db, batch.id),
    listPendingStockActions(db, batch.id),
    listMovements(db, user.scope, { batch_id: batch.id, limit: 50 }),
    listWarehouseRows(db),
  ]);
  const active = warehouses.filter((w) => w.isActive).map((w) => ({ code: w.code, name: w.name }));
  const canManage = can(user, "POST /api/batches/[batch_id]/stock-moves");
  const actions =
    wallet && batch.token_id ? (
      <StockActions
        batchId={batch.id}
        chainId={wallet.chainId}
        places={holdings}
        warehouses={active}
        canManage={canManage}
      />
    ) : undefined;
  return (
    <BatchStock
      batchId={batch.id}
      figures={batch}
      holdings={holdings}
      pending={pending}
      movements={ledger.data}
      actions={actions}
    />
  );
}

export default async function BatchPage({ params }: DetailProps) {
  const { user, batch, data } = await load((await params).id);
  const isMinted = batch.token_id !== null;
  const canVerify = can(user, "POST /api/batches/[batch_id]/verify");
  const wallet = getWalletSettings(await cookies());
  const actions = verifierActions(batch, canVerify, wallet);
  return (
    <PageWallet settings={wallet}>
      <div className="flex flex-col gap-6">
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="font-mono text-2xl font-semibold tracking-tight">{batch.batch_code}</h1>
          <ValueBadge value={batch.status} />
          <ValueBadge value={batch.verification_status} />
          {batch.token_id && <span className="font-mono text-sm text-stone-500">token #{batch.token_id}</span>}
          <div className="ml-auto flex items-center gap-3">
            <EpcisLink batchId={batch.id} />
            <LiveRefresh stream="/api/batches/stream" />
          </div>
        </div>
        <BatchFacts batch={batch} />
        <PlotsSection batchId={batch.id} user={user} />
        <ChainSection
          batch={batch}
          onchain={batch.blockchain}
          error={batch.blockchain_error}
          canSync={can(user, "POST /api/batches/[batch_id]/sync")}
          sent={data.sent}
        />
        {await stockSection(batch, user, wallet)}
        <VerificationSection
          batchId={batch.id}
          verificationStatus={batch.verification_status}
          isMinted={isMinted}
          isVerifiedOnchain={batch.blockchain?.is_verified ?? null}
          requests={data.requests}
          canRequest={can(user, "POST /api/batches/[batch_id]/request-verification")}
          canVerify={canVerify}
          onchainAction={actions.onchain}
        />
        {getEnv().CHAINLINK_CONSUMER_ADDRESS && isMinted && (
          <ChainlinkSection
            checks={data.checks}
            explorerUrl={getEnv().EXPLORER_URL ?? null}
            action={actions.chainlink}
          />
        )}
        <QualitySection
          batchId={batch.id}
          checks={data.qualityChecks}
          canRecord={isMinted && can(user, "POST /api/batches/[batch_id]/quality-check")}
        />
        <DdsSection
          db={getListener().db}
          scope={user.scope}
          batchId={batch.id}
          canDeclare={can(user, "POST /api/due-diligence/plots/[plot_id]/declarations")}
          canGenerate={can(user, "POST /api/due-diligence/statements")}
          canSubmit={can(user, "POST /api/due-diligence/statements/[statement_id]/submit")}
        />
        <FraudSection
          batchId={batch.id}
          assessment={data.fraud}
          canDetect={isMinted && can(user, "POST /api/batches/[batch_id]/detect-fraud")}
        />
        <AlertsSection
          batchId={batch.id}
          alerts={data.alerts}
          canResolve={can(user, "POST /api/batches/[batch_id]/resolve-alert")}
        />
        <AuditTrail
          records={data.audit}
          batch={{ id: batch.id, code: batch.batch_code }}
          rpcUrl={
            getEnv().AUDIT_ANCHOR_ADDRESS
              ? (getEnv().PUBLIC_RPC_URL ?? (getEnv().CHAIN_ID === 31337 ? getEnv().RPC_URL : null))
              : null
          }
        />
        <Transactions events={data.events} explorerUrl={getEnv().EXPLORER_URL ?? null} />
      </div>
    </PageWallet>
  );
}
