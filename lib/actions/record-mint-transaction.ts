"use server";

import { z } from "zod";

import { recordMintTransaction } from "@/lib/batches/drafts";
import { getDb } from "@/lib/db/server";

import { runAction } from "./safe-action";

const ZInput = z.strictObject({
  id: z.number().int().positive(),
  tx_hash: z.string().regex(/^0x[0-9a-f]{64}$/i, "must be a transaction hash"),
});

export async function recordMintTransactionAction(input: unknown) {
  return runAction("ACTION record-mint-transaction", async (user) => {
    const { id, tx_hash } = ZInput.parse(input);
    await recordMintTransaction(getDb(), id, tx_hash as `0x${string}`, { kind: "user", id: String(user.id) });
    return { id };
  });
}
