"use server";

import { z } from "zod";

import { getDb } from "@/lib/db/server";
import { getEnv } from "@/lib/env";
import { trackTransaction } from "@/lib/transactions/transactions";

import { runAction } from "./safe-action";

const ZInput = z.strictObject({
  tx_hash: z.string().regex(/^0x[0-9a-fA-F]{64}$/, "must be a transaction hash"),
  kind: z.enum(["mark_verified", "chainlink_check"]),
  batch_id: z.number().int().positive(),
});

/** A wallet on a batch page sent a transaction: the sync service follows it to its end. */
export async function recordTransactionAction(input: unknown) {
  return runAction("ACTION record-transaction", async () => {
    const t = ZInput.parse(input);
    await trackTransaction(getDb(), {
      chainId: getEnv().CHAIN_ID,
      txHash: t.tx_hash as `0x${string}`,
      kind: t.kind,
      batchId: t.batch_id,
    });
    return { tx_hash: t.tx_hash.toLowerCase() };
  });
}
