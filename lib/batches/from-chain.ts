// What the chain says about a batch, as a batches row; shared by the indexer and the import.
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Hex } from "viem";

import { centsToUsd, gramsToKg, unixToDate } from "@/lib/chain/units";
import type { Db, Tx } from "@/lib/db";
import { batches } from "@/lib/db/schema";

import { decodeMetadata, type BatchMetadata } from "./metadata";

export type OnchainBatch = {
  quantity: bigint;
  productionDate: bigint;
  expiryDate: bigint;
  pricePerKg: bigint;
  metadataHash: Hex;
  metadataUri: string;
};

/** The contract's Status enum (None, Created, Active, Verified, Expired, Redeemed) as batch statuses. */
export const statusFromChain = ["draft", "active", "active", "verified", "expired", "redeemed"] as const;

export function metadataColumns(m: BatchMetadata) {
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

/** "86.50" and "86.5" are the same number; compared as text with trailing zeros dropped. */
export function sameValue(a: unknown, b: unknown): boolean {
  const norm = (v: unknown) =>
    v === null || v === undefined ? null : /^\d+\.\d+$/.test(String(v)) ? String(v).replace(/\.?0+$/, "") : String(v);
  return norm(a) === norm(b);
}

/** The columns of `expected` whose value in `row` is not the same. */
export function differingColumns(expected: Record<string, unknown>, row: Record<string, unknown>): string[] {
  return Object.entries(expected)
    .filter(([k, v]) => !sameValue(v, row[k]))
    .map(([k]) => k);
}

export function columnsFromChain(chainId: number, tokenId: bigint, b: OnchainBatch) {
  return {
    chainId,
    tokenId: tokenId.toString(),
    ...metadataColumns(decodeMetadata(b.metadataUri, b.metadataHash)),
    productionDate: unixToDate(b.productionDate),
    expiryDate: unixToDate(b.expiryDate),
    quantityKg: gramsToKg(b.quantity),
    onchainQuantity: b.quantity.toString(),
    pricePerKg: centsToUsd(b.pricePerKg),
    metadataUri: b.metadataUri,
    metadataHash: b.metadataHash,
    lastSyncedAt: new Date(),
  };
}

type Row = ReturnType<typeof columnsFromChain> & Partial<typeof batches.$inferInsert>;

/** Fills the draft with the same batch code if one waits for this token, else inserts or refreshes by token. */
export async function upsertFromChain(tx: Tx | Db, row: Row): Promise<{ id: number; isNew: boolean }> {
  const [draft] = await tx
    .update(batches)
    .set({ ...row, updatedAt: new Date() })
    .where(and(eq(batches.batchCode, row.batchCode), eq(batches.chainId, row.chainId), isNull(batches.tokenId)))
    .returning({ id: batches.id });
  if (draft) return { id: draft.id, isNew: false };
  const [upserted] = await tx
    .insert(batches)
    .values(row)
    .onConflictDoUpdate({ target: [batches.chainId, batches.tokenId], set: { ...row, updatedAt: new Date() } })
    .returning({ id: batches.id, isNew: sql<boolean>`xmax = 0` });
  return upserted;
}
