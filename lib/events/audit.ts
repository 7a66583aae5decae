// Chain events in the audit log: each applied event is a change to its batch, by the wallet the
// event names (or the indexer when it names none), with its transaction.
import { and, eq, sql } from "drizzle-orm";

import { recordAudit, type Actor } from "@/lib/audit/record";
import { checkEventNames } from "@/lib/chainlink/apply-event";
import type { Tx } from "@/lib/db";
import { batches } from "@/lib/db/schema";

type Applied = { name: string; tokenId: string | null; txHash: string; args: unknown };

/** The address an event says acted: the creator, the verifier, the holder who redeemed. */
function actorOf(args: Record<string, unknown>): Actor {
  const wallet = args.actor ?? args.creator ?? args.verifier ?? args.holder ?? args.requester ?? args.operator;
  return typeof wallet === "string" ? { kind: "wallet", id: wallet.toLowerCase() } : { kind: "system", id: "indexer" };
}

/** The metadata URI (a whole document locally) stays in the event; its hash, in the record, pins it. */
const withoutUri = ({ metadataUri: _uri, ...rest }: Record<string, unknown>) => rest;

const batchEvents = new Set([
  "BatchCreated",
  "BatchMinted",
  "InventoryAdjusted",
  "BatchVerified",
  "BatchExpired",
  "MetadataUpdated",
  "BatchRedeemed",
  "StockMoved",
  "StockAdjusted",
  ...checkEventNames,
]);
const zero = "0x0000000000000000000000000000000000000000";
/** A transfer between holders is a change to its batch; a mint's or burn's transfer repeats its typed event. */
const isHolderTransfer = (e: Applied) =>
  e.name === "TransferSingle" && ![(e.args as { from: string }).from, (e.args as { to: string }).to].includes(zero);

export async function auditChainEvents(tx: Tx, chainId: number, events: Applied[]): Promise<void> {
  const relevant = events.filter((e) => e.tokenId !== null && (batchEvents.has(e.name) || isHolderTransfer(e)));
  if (!relevant.length) return;
  const tokens = JSON.stringify([...new Set(relevant.map((e) => e.tokenId))]);
  const rows = await tx
    .select({ id: batches.id, tokenId: batches.tokenId })
    .from(batches)
    .where(
      and(
        eq(batches.chainId, chainId),
        sql`${batches.tokenId} in (select jsonb_array_elements_text(${tokens}::jsonb)::numeric)`,
      ),
    );
  const batchOf = new Map(rows.map((r) => [r.tokenId, r.id]));
  await recordAudit(
    tx,
    ...relevant.map((e) => ({
      entity: "batch",
      entityId: batchOf.get(e.tokenId) ?? `token:${e.tokenId}`,
      batchId: batchOf.get(e.tokenId) ?? null,
      action: `chain.${e.name}`,
      actor: actorOf(e.args as Record<string, unknown>),
      after: withoutUri(e.args as Record<string, unknown>),
      txHash: e.txHash,
    })),
  );
}
