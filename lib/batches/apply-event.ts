// Applies one decoded batch token event to the batches table. Each handler is idempotent.
import { and, eq, sql } from "drizzle-orm";
import type { Hex } from "viem";
import { batches } from "@/lib/db/schema";
import { gramsToKg } from "@/lib/chain/units";
import { decodeMetadata } from "./metadata";
import { columnsFromChain, metadataColumns, upsertFromChain, type OnchainBatch, type Tx } from "./from-chain";

export type ChainEvent = {
  chainId: number;
  eventName: string;
  args: Record<string, unknown>;
  transactionHash: Hex;
};

type Where = ReturnType<typeof byToken>;

const handlers: Record<string, (tx: Tx, e: ChainEvent, where: Where) => Promise<void>> = {
  async BatchCreated(tx, e) {
    const row = columnsFromChain(e.chainId, e.args.batchId as bigint, e.args as OnchainBatch);
    await upsertFromChain(tx, { ...row, status: "active", mintTxHash: e.transactionHash });
  },
  async BatchMinted(tx, e, where) {
    await tx.update(batches).set({ ownerAddress: String(e.args.to).toLowerCase(), updatedAt: new Date() }).where(where);
  },
  async InventoryAdjusted(tx, e, where) {
    const quantity = e.args.newQuantity as bigint;
    await tx.update(batches).set({ quantityKg: gramsToKg(quantity), onchainQuantity: quantity.toString(), updatedAt: new Date() }).where(where);
  },
  async BatchVerified(tx, _e, where) {
    await tx.update(batches).set({ status: sql`case when ${batches.status} in ('active', 'verified') then 'verified' else ${batches.status} end`, verificationStatus: "verified", updatedAt: new Date() }).where(where);
  },
  async BatchExpired(tx, _e, where) {
    await tx.update(batches).set({ status: "expired", updatedAt: new Date() }).where(where);
  },
  async MetadataUpdated(tx, e, where) {
    const a = e.args as { metadataHash: Hex; metadataUri: string };
    await tx.update(batches).set({ ...metadataColumns(decodeMetadata(a.metadataUri, a.metadataHash)), metadataHash: a.metadataHash, metadataUri: a.metadataUri, updatedAt: new Date() }).where(where);
  },
  async BatchRedeemed(tx, e, where) {
    const redeemed = (e.args.redeemed as bigint).toString();
    await tx.update(batches).set({ status: sql`case when ${batches.onchainQuantity} = ${redeemed} then 'redeemed' else ${batches.status} end`, updatedAt: new Date() }).where(where);
  },
};

function byToken(e: ChainEvent) {
  return and(eq(batches.chainId, e.chainId), eq(batches.tokenId, String(e.args.batchId)));
}

export async function applyBatchEvent(tx: Tx, event: ChainEvent): Promise<void> {
  await handlers[event.eventName]?.(tx, event, byToken(event));
}
