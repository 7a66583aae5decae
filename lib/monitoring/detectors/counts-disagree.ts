// The chain's batch count at the listener's last block differs from the minted batches mirrored.
import { and, count, eq, isNotNull } from "drizzle-orm";

import { batches } from "@/lib/db/schema";
import { readListener } from "@/lib/events/listener";
import { readBatchCount } from "@/lib/sync/read";

import type { Detector } from "../detector";

export const countsDisagree: Detector = {
  name: "counts_disagree",
  alert: "system",
  recommends: "run_sync",
  rule: "The token's batch count at the listener's last processed block differs from the minted batches in the database.",
  threshold: "chain count ≠ database count",
  async detect({ db, chain, listener }) {
    const state = await readListener(db, listener);
    if (!state) return { findings: [], figures: { block: null } };
    const chainCount = await readBatchCount(chain, state.lastBlock);
    const [row] = await db
      .select({ n: count() })
      .from(batches)
      .where(and(eq(batches.chainId, chain.chainId), isNotNull(batches.tokenId)));
    const figures = { chain_count: Number(chainCount), database_count: row.n, block: state.lastBlock.toString() };
    if (Number(chainCount) === row.n) return { findings: [], figures };
    return {
      figures,
      findings: [
        {
          source: "chain_counts",
          severity: "high",
          message: `The chain holds ${chainCount} batches at block ${state.lastBlock}; the database has ${row.n} minted.`,
          evidence: figures,
        },
      ],
    };
  },
};
