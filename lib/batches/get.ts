import "server-only";

import { and, eq } from "drizzle-orm";

import { ApiError } from "@/lib/api/errors";
import type { Scope } from "@/lib/auth/scope";
import { batchTokenAbi } from "@/lib/chain/abi";
import type { ChainHandle } from "@/lib/chain/server";
import { centsToUsd, gramsToKg, unixToDate } from "@/lib/chain/units";
import type { Db, Tx } from "@/lib/db";
import { batches } from "@/lib/db/schema";

import { batchesInScope } from "./scope";
import { toBatchJson } from "./serialize";
import { stockFigures } from "./stock";

const chainStatuses = ["none", "created", "active", "verified", "expired", "redeemed"] as const;

/** What the contract holds for a batch right now, in the same units as the off-chain record. */
export async function readOnchain(chain: ChainHandle, tokenId: bigint) {
  const b = await chain.client.readContract({
    address: chain.address,
    abi: batchTokenAbi,
    functionName: "getBatch",
    args: [tokenId],
  });
  return {
    token_id: tokenId.toString(),
    contract_address: chain.address,
    chain_id: chain.chainId,
    quantity_kg: gramsToKg(b.quantity),
    minted_kg: gramsToKg(b.minted),
    redeemed_kg: gramsToKg(b.redeemed),
    price_per_kg: centsToUsd(b.pricePerKg),
    production_date: unixToDate(b.productionDate),
    expiry_date: unixToDate(b.expiryDate),
    metadata_hash: b.metadataHash,
    is_verified: b.verified,
    last_verified_at: b.lastVerifiedAt > 0n ? new Date(Number(b.lastVerifiedAt) * 1000).toISOString() : null,
    status: chainStatuses[b.status],
    creator: b.creator.toLowerCase(),
  };
}

export type OnchainJson = Awaited<ReturnType<typeof readOnchain>>;

/** The batch's row: 404 when there is none, and 422 when `minted` and it is still a draft. */
export async function findBatch(db: Db | Tx, id: number, { minted = false } = {}) {
  const [row] = await db.select().from(batches).where(eq(batches.id, id));
  if (!row) throw new ApiError("not_found", `Batch ${id} does not exist.`);
  if (minted && row.tokenId === null)
    throw new ApiError(
      "rule_broken",
      `Batch ${row.batchCode} is not minted yet; only a batch on chain can be checked.`,
    );
  return row;
}

/** The batch with the chain's live view of it; a chain that cannot be read is reported, not fatal. Outside `scope`: 404. */
export async function getBatch(db: Db, chain: ChainHandle, id: number, scope: Scope) {
  const [row] = await db
    .select()
    .from(batches)
    .where(and(eq(batches.id, id), batchesInScope(scope)));
  if (!row) throw new ApiError("not_found", `Batch ${id} does not exist.`);
  const batch = toBatchJson(row, (await stockFigures(db, [row.id])).get(row.id));
  if (row.tokenId === null) return { ...batch, blockchain: null, blockchain_error: null };
  try {
    return { ...batch, blockchain: await readOnchain(chain, BigInt(row.tokenId)), blockchain_error: null };
  } catch (error) {
    return {
      ...batch,
      blockchain: null,
      blockchain_error: `The chain could not be read: ${(error as Error).message.split("\n")[0]}`,
    };
  }
}

/** The row of an on-chain batch, by its token id; null when Postgres has none. */
export async function findBatchByToken(db: Db | Tx, chainId: number, tokenId: bigint) {
  const [row] = await db
    .select()
    .from(batches)
    .where(and(eq(batches.chainId, chainId), eq(batches.tokenId, tokenId.toString())));
  return row ?? null;
}
