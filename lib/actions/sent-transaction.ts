// A transaction a wallet sent from a batch page, as the page reports it to a server action, and
// following it: the sync service watches it, and the page shows it pending until it is settled.
import "server-only";

import { z } from "zod";

import { scopeOfUser } from "@/lib/auth/scope";
import type { SessionUser } from "@/lib/auth/users";
import { assertBatchInScope } from "@/lib/batches/scope";
import type { transactionKinds } from "@/lib/db/enums";
import { getDb } from "@/lib/db/server";
import { getEnv } from "@/lib/env";
import { trackTransaction } from "@/lib/transactions/transactions";

type Kind = (typeof transactionKinds)[number];

/** The input of an action that records a sent transaction of one of these kinds. */
export const ZSentTransaction = <const K extends readonly [Kind, ...Kind[]]>(kinds: K) =>
  z.strictObject({
    tx_hash: z.string().regex(/^0x[0-9a-fA-F]{64}$/, "must be a transaction hash"),
    kind: z.enum(kinds),
    batch_id: z.number().int().positive(),
  });

/** Follows the transaction of a batch in the user's scope (the same hash again changes nothing); the answer is its hash. */
export async function followSentTransaction(user: SessionUser, t: { tx_hash: string; kind: Kind; batch_id: number }) {
  await assertBatchInScope(getDb(), scopeOfUser(user), t.batch_id);
  await trackTransaction(getDb(), {
    chainId: getEnv().CHAIN_ID,
    txHash: t.tx_hash as `0x${string}`,
    kind: t.kind,
    batchId: t.batch_id,
  });
  return { tx_hash: t.tx_hash.toLowerCase() };
}
