// Applies one decoded batch token event to the batches table. Each handler is idempotent.
import { and, eq, sql } from "drizzle-orm";
import type { Hex } from "viem";
import type { Db } from "@/lib/db";
import { batches } from "@/lib/db/schema";
import { centsToUsd, gramsToKg, unixToDate } from "@/lib/chain/units";
import { decodeMetadata, type BatchMetadata } from "./metadata";

export type ChainEvent = {
  chainId: number;
  eventName: string;
  args: Record<string, unknown>;
  transactionHash: Hex;
};

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

function metadataColumns(m: BatchMetadata) {
  return {
    batchCode: m.batch_code,
    originCountry: m.origin_country,
    region: m.region ?? null,
    farm: m.farm ?? null,
    cooperative: m.cooperative ?? null,
    variety: m.variety ?? null,
    process: m.process ?? null,
    altitudeM: m.altitude_m ?? null,
    harvestDate: m.harvest_date ?? null,
    warehouse: m.warehouse ?? null,
    cuppingScore: m.cupping_score ?? null,
    moisturePct: m.moisture_pct ?? null,
  };
}

const handlers: Record<string, (tx: Tx, e: ChainEvent, where: ReturnType<typeof byToken>) => Promise<void>> = {
  async BatchCreated(tx, e) {
    const a = e.args as { batchId: bigint; quantity: bigint; productionDate: bigint; expiryDate: bigint; pricePerKg: bigint; metadataHash: Hex; metadataUri: string };
    const row = {
      chainId: e.chainId,
      tokenId: a.batchId.toString(),
      ...metadataColumns(decodeMetadata(a.metadataUri, a.metadataHash)),
      productionDate: unixToDate(a.productionDate),
      expiryDate: unixToDate(a.expiryDate),
      quantityKg: gramsToKg(a.quantity),
      onchainQuantity: a.quantity.toString(),
      pricePerKg: centsToUsd(a.pricePerKg),
      metadataUri: a.metadataUri,
      metadataHash: a.metadataHash,
      mintTxHash: e.transactionHash,
      lastSyncedAt: new Date(),
    };
    await tx.insert(batches).values(row).onConflictDoUpdate({ target: [batches.chainId, batches.tokenId], set: { ...row, updatedAt: new Date() } });
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

/** True when the event changes batches; other contract events are only recorded. */
export function isBatchEvent(name: string): boolean {
  return name in handlers;
}

export async function applyBatchEvent(tx: Tx, event: ChainEvent): Promise<void> {
  await handlers[event.eventName]?.(tx, event, byToken(event));
}
