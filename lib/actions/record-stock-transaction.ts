"use server";

import { scopeOfUser } from "@/lib/auth/scope";
import { assertBatchInScope } from "@/lib/batches/scope";
import { getDb } from "@/lib/db/server";

import { runAction } from "./safe-action";
import { followSentTransaction, ZSentTransaction } from "./sent-transaction";

const ZInput = ZSentTransaction(["stock_move", "stock_adjust", "stock_transfer"]);

/** A wallet sent a stock action from a batch page: followed by the sync service, shown pending until its event is indexed. */
export async function recordStockTransactionAction(input: unknown) {
  return runAction("ACTION record-stock-transaction", async (user) => {
    const t = ZInput.parse(input);
    await assertBatchInScope(getDb(), scopeOfUser(user), t.batch_id);
    return followSentTransaction(t);
  });
}
