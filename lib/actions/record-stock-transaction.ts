"use server";

import { z } from "zod";

import { scopeOfUser } from "@/lib/auth/scope";
import { assertBatchInScope } from "@/lib/batches/scope";
import { getDb } from "@/lib/db/server";
import { getEnv } from "@/lib/env";
import { trackTransaction } from "@/lib/transactions/transactions";

import { runAction } from "./safe-action";

const ZInput = z.strictObject({
  tx_hash: z.string().regex(/^0x[0-9a-fA-F]{64}$/, "must be a transaction hash"),
  kind: z.enum(["stock_move", "stock_adjust", "stock_transfer"]),
  batch_id: z.number().int().positive(),
});

/** A wallet sent a stock action from a batch page: followed by the sync service, shown pending until its event is indexed. */
export async function recordStockTransactionAction(input: unknown) {
  return runAction("ACTION record-stock-transaction", async (user) => {
    const t = ZInput.parse(input);
    await assertBatchInScope(getDb(), scopeOfUser(user), t.batch_id);
    await trackTransaction(getDb(), {
      chainId: getEnv().CHAIN_ID,
      txHash: t.tx_hash as `0x${string}`,
      kind: t.kind,
      batchId: t.batch_id,
    });
    return { tx_hash: t.tx_hash.toLowerCase() };
  });
}
