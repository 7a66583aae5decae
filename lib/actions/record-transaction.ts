"use server";

import { runAction } from "./safe-action";
import { followSentTransaction, ZSentTransaction } from "./sent-transaction";

const ZInput = ZSentTransaction(["mark_verified", "chainlink_check"]);

/** A wallet on a batch page sent a transaction: the sync service follows it to its end. */
export async function recordTransactionAction(input: unknown) {
  return runAction("ACTION record-transaction", async (user) => followSentTransaction(user, ZInput.parse(input)));
}
