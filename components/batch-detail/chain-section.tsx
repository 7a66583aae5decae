// What the contract holds beside the off-chain record, with the differences marked.
import { ChainComparison } from "@/components/batches/chain-comparison";
import type { OnchainJson } from "@/lib/batches/get";
import type { BatchJson } from "@/lib/batches/serialize";
import { humanize } from "@/lib/format";
import { Section } from "./section";

export function ChainSection({ batch, onchain, error }: { batch: BatchJson; onchain: OnchainJson | null; error: string | null }) {
  return (
    <Section id="chain" title="On chain">
      {batch.mint_tx_hash && (
        <p className="mb-3 text-sm">
          Mint transaction: <span className="break-all font-mono text-xs" data-testid="mint-tx-hash">{batch.mint_tx_hash}</span>
        </p>
      )}
      {onchain && <ChainComparison batch={batch} onchain={onchain} />}
      {error && <p role="alert" className="text-sm text-red-800 dark:text-red-200">{error}</p>}
      {!batch.token_id && <p className="text-sm text-stone-500">Not minted yet: this batch is a {humanize(batch.status)}.</p>}
    </Section>
  );
}
