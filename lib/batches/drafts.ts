// A batch starts as a draft; the wallet then signs createBatch, and the indexer fills in the token.
import { and, eq, inArray, isNull } from "drizzle-orm";

import { ApiError } from "@/lib/api/errors";
import { recordAudit, type Actor } from "@/lib/audit/record";
import { dateToUnix, kgToGrams, usdToCents } from "@/lib/chain/units";
import type { Db } from "@/lib/db";
import { unmintedStatuses } from "@/lib/db/enums";
import { batches } from "@/lib/db/schema";
import { trackTransaction } from "@/lib/transactions/transactions";

import { metadataColumns } from "./from-chain";
import { encodeMetadata } from "./metadata";
import type { NewBatch } from "./schemas";

/** Arguments for createBatch after the recipient, in contract order. */
export type MintArgs = readonly [
  quantity: bigint,
  productionDate: bigint,
  expiryDate: bigint,
  pricePerKg: bigint,
  metadataHash: `0x${string}`,
  metadataUri: string,
];

export function mintArgs(b: NewBatch): MintArgs {
  const { quantity_kg, price_per_kg, production_date, expiry_date, ...metadata } = b;
  const meta = encodeMetadata(metadata);
  return [
    kgToGrams(quantity_kg),
    dateToUnix(production_date),
    dateToUnix(expiry_date),
    usdToCents(price_per_kg),
    meta.hash,
    meta.uri,
  ];
}

/** Stores the draft, or updates the unminted draft with the same code so a retry never duplicates. */
export async function saveDraft(db: Db, chainId: number, input: NewBatch, actor: Actor) {
  const { quantity_kg, price_per_kg, production_date, expiry_date, ...metadata } = input;
  const args = mintArgs(input);
  const values = {
    chainId,
    ...metadataColumns(metadata),
    productionDate: production_date,
    expiryDate: expiry_date,
    quantityKg: quantity_kg,
    pricePerKg: price_per_kg,
    metadataHash: args[4],
    metadataUri: args[5],
    status: "draft" as const,
  };
  const id = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(batches)
      .values(values)
      .onConflictDoUpdate({
        target: batches.batchCode,
        set: { ...values, updatedAt: new Date() },
        setWhere: isNull(batches.tokenId),
      })
      .returning({ id: batches.id });
    if (!row)
      throw new ApiError("conflict", `Batch code ${metadata.batch_code} is already minted; choose another.`, [
        { path: "batch_code", message: "is already minted" },
      ]);
    await recordAudit(tx, {
      entity: "batch",
      entityId: row.id,
      batchId: row.id,
      action: "batch.draft_saved",
      actor,
      after: input,
    });
    return row.id;
  });
  return { id, args };
}

/** The wallet sent createBatch: the draft now waits for its transaction. */
export async function recordMintTransaction(db: Db, id: number, txHash: `0x${string}`, actor: Actor) {
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(batches)
      .set({ status: "pending_mint", mintTxHash: txHash, updatedAt: new Date() })
      .where(and(eq(batches.id, id), isNull(batches.tokenId), inArray(batches.status, unmintedStatuses)))
      .returning({ id: batches.id, chainId: batches.chainId });
    if (!row) throw new ApiError("conflict", `Batch ${id} is not a draft waiting for its mint.`);
    // The sync service follows it to mined, reverted, replaced or dropped.
    await trackTransaction(tx, { chainId: row.chainId, txHash, kind: "mint", batchId: id });
    await recordAudit(tx, {
      entity: "batch",
      entityId: id,
      batchId: id,
      action: "batch.mint_sent",
      actor,
      after: { status: "pending_mint" },
      txHash,
    });
  });
}
