// POST /api/batches/import-from-blockchain: creates or refreshes a batch from what the chain holds.
import type { Address, PublicClient } from "viem";

import { ApiError } from "@/lib/api/errors";
import { recordAudit, type Actor } from "@/lib/audit/record";
import { batchTokenAbi } from "@/lib/chain/abi";
import type { Db } from "@/lib/db";
import { importLogs } from "@/lib/db/schema";

import { columnsFromChain, statusFromChain, upsertFromChain } from "./from-chain";

type Chain = { client: PublicClient; chainId: number; address: Address };

/** getBatches answers an unknown id with status None instead of reverting, so a missing batch is told apart from a failing chain. */
async function readBatch(chain: Chain, tokenId: bigint) {
  let batch;
  try {
    [batch] = await chain.client.readContract({
      address: chain.address,
      abi: batchTokenAbi,
      functionName: "getBatches",
      args: [[tokenId]],
    });
  } catch (error) {
    throw new ApiError("chain_unreachable", "The chain could not be read; nothing was imported.", {
      reason: (error as Error).message.split("\n")[0],
    });
  }
  if (batch.status === 0)
    throw new ApiError("not_found", `Batch ${tokenId} does not exist on chain ${chain.chainId}.`, {
      blockchain_batch_id: tokenId.toString(),
    });
  return batch;
}

export async function importBatch(db: Db, chain: Chain, tokenId: bigint, actor: Actor) {
  const onchain = await readBatch(chain, tokenId);
  let row: ReturnType<typeof columnsFromChain>;
  try {
    row = columnsFromChain(chain.chainId, tokenId, onchain);
  } catch (error) {
    const message = `The batch's metadata cannot be used: ${(error as Error).message}`;
    await db
      .insert(importLogs)
      .values({ chainId: chain.chainId, tokenId: tokenId.toString(), action: "failed", message });
    throw new ApiError("rule_broken", message, { blockchain_batch_id: tokenId.toString() });
  }
  return db.transaction(async (tx) => {
    const { id, isNew } = await upsertFromChain(tx, {
      ...row,
      status: statusFromChain[onchain.status],
      ...(onchain.verified && { verificationStatus: "verified" as const }),
    });
    const [log] = await tx
      .insert(importLogs)
      .values({
        chainId: chain.chainId,
        tokenId: tokenId.toString(),
        batchId: id,
        action: isNew ? "created" : "refreshed",
      })
      .returning();
    await recordAudit(tx, {
      entity: "batch",
      entityId: id,
      batchId: id,
      action: isNew ? "batch.imported" : "batch.refreshed",
      actor,
      after: { token_id: tokenId.toString(), status: statusFromChain[onchain.status], quantity_kg: row.quantityKg },
    });
    return { batchId: id, isNew, importLogId: log.id };
  });
}
