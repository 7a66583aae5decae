// Applies one batch token event to the batches table. Each handler is idempotent, and takes the
// event's arguments as stored (numbers may arrive as decimal strings), so a replay is exact.
import { and, eq, sql } from "drizzle-orm";
import type { Hex } from "viem";
import { batches } from "@/lib/db/schema";
import { gramsToKg } from "@/lib/chain/units";
import { decodeMetadata } from "./metadata";
import { columnsFromChain, metadataColumns, upsertFromChain, type Tx } from "./from-chain";

export type ChainEvent = {
  chainId: number;
  eventName: string;
  args: Record<string, unknown>;
  transactionHash: string;
};

type Where = ReturnType<typeof byToken>;

const int = (value: unknown) => BigInt(value as bigint | string);

const handlers: Record<string, (tx: Tx, e: ChainEvent, where: Where) => Promise<void>> = {
  async BatchCreated(tx, { chainId, args: a, transactionHash }) {
    const onchain = { quantity: int(a.quantity), productionDate: int(a.productionDate), expiryDate: int(a.expiryDate), pricePerKg: int(a.pricePerKg), metadataHash: a.metadataHash as Hex, metadataUri: String(a.metadataUri) };
    await upsertFromChain(tx, { ...columnsFromChain(chainId, int(a.batchId), onchain), status: "active", mintTxHash: transactionHash });
  },
  async BatchMinted(tx, e, where) {
    await tx.update(batches).set({ ownerAddress: String(e.args.to).toLowerCase(), updatedAt: new Date() }).where(where);
  },
  async InventoryAdjusted(tx, e, where) {
    const quantity = int(e.args.newQuantity);
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
    const redeemed = int(e.args.redeemed).toString();
    await tx.update(batches).set({ status: sql`case when ${batches.onchainQuantity} = ${redeemed} then 'redeemed' else ${batches.status} end`, updatedAt: new Date() }).where(where);
  },
};

function byToken(e: ChainEvent) {
  return and(eq(batches.chainId, e.chainId), eq(batches.tokenId, String(e.args.batchId)));
}

export async function applyBatchEvent(tx: Tx, event: ChainEvent): Promise<void> {
  await handlers[event.eventName]?.(tx, event, byToken(event));
}

/**
 * Forgets what the chain said about a token, before its surviving events are replayed: the row
 * becomes the unminted draft it stands for, keeping its id and off-chain facts, and the replayed
 * BatchCreated fills it again by batch code. With no surviving BatchCreated it stays a draft.
 */
export async function unbindToken(tx: Tx, chainId: number, tokenId: string): Promise<void> {
  await tx
    .update(batches)
    .set({ tokenId: null, status: "draft", onchainQuantity: null, ownerAddress: null, mintTxHash: null, verificationStatus: "unverified", updatedAt: new Date() })
    .where(and(eq(batches.chainId, chainId), eq(batches.tokenId, tokenId)));
}
