// Transactions sent from the app's pages, followed until they reach an end (full syncs follow them too).
import { followTransactions } from "@/lib/transactions/transactions";

import { timer } from "../job";

export const transactions = timer({
  name: "transactions",
  summary: "follows transactions sent from the app's pages",
  everyMs: 15_000,
  async handle({ db, chain }) {
    const n = await followTransactions(db, chain.client, chain.chainId);
    if (n > 0) console.log(`[worker] ${n} transaction(s) reached an end`);
  },
});
