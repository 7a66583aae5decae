"use server";

import { runAction } from "./safe-action";
import { followSentTransaction, ZSentTransaction } from "./sent-transaction";

const ZInput = ZSentTransaction(["stock_move", "stock_adjust", "stock_transfer"]);

/** A wallet sent a stock action from a batch page: followed by the sync service, shown pending until its event is indexed. */
export async function recordStockTransactionAction(input: unknown) {
  return runAction("ACTION record-stock-transaction", async (user) => followSentTransaction(user, ZInput.parse(input)));
}
