// What the contract holds beside the off-chain record, with the differences marked.
import { ChainComparison } from "@/components/batches/chain-comparison";
import { ValueBadge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { toneStyles } from "@/components/ui/tones";
import { formatWhen } from "@/components/verification/display";
import type { OnchainJson } from "@/lib/batches/get";
import type { BatchJson } from "@/lib/batches/serialize";
import { humanize } from "@/lib/format";
import type { TransactionJson } from "@/lib/transactions/transactions";

import { ActionButton } from "./action-button";

type Props = {
  batch: BatchJson;
  onchain: OnchainJson | null;
  error: string | null;
  canSync: boolean;
  sent: TransactionJson[];
};

export function ChainSection({ batch, onchain, error, canSync, sent }: Props) {
  return (
    <Card
      id="chain"
      title="On chain"
      actions={
        canSync && (
          <ActionButton
            label="Sync with chain"
            pendingLabel="Syncing…"
            doneMessage="Synced with the chain."
            action="sync-batch"
            batchId={batch.id}
          />
        )
      }
    >
      <p className="flex flex-wrap items-center gap-2 text-sm" data-testid="sync-status">
        Sync: <ValueBadge value={batch.sync_status} />
        <span className="text-stone-500">last {formatWhen(batch.last_synced_at)}</span>
        {batch.sync_error && <span className={toneStyles.amber.text}>{batch.sync_error}</span>}
      </p>
      {batch.mint_tx_hash && (
        <p className="text-sm">
          Mint transaction:{" "}
          <span className="break-all font-mono text-xs" data-testid="mint-tx-hash">
            {batch.mint_tx_hash}
          </span>
        </p>
      )}
      {onchain && <ChainComparison batch={batch} onchain={onchain} />}
      {error && <Notice>{error}</Notice>}
      {!batch.token_id && (
        <p className="text-sm text-stone-500">Not minted yet: this batch is a {humanize(batch.status)}.</p>
      )}
      {sent.length > 0 && (
        <ul className="flex flex-col gap-1 text-sm" aria-label="Transactions sent from this app">
          {sent.map((t) => (
            <li
              key={t.tx_hash}
              data-testid="sent-transaction"
              data-status={t.status}
              className="flex flex-wrap items-center gap-2"
            >
              <span className="text-stone-500">{humanize(t.kind)}</span>
              <span className="break-all font-mono text-xs">{t.tx_hash}</span>
              <ValueBadge value={t.status} />
              {t.gas_used && (
                <span className="text-xs text-stone-500">{Number(t.gas_used).toLocaleString("en-US")} gas</span>
              )}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
