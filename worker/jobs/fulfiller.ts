// The local Chainlink DON (lib/chainlink/fulfiller.ts): answers each Functions request on the local
// coordinator; a failed step is retried on the next poll.
import { createFulfiller } from "@/lib/chainlink/fulfiller";
import { beat, heartbeatNames } from "@/lib/system/heartbeat";

import { firstLine, loop } from "../job";

export const fulfiller = loop({
  name: "chainlink-don",
  summary: "answers Chainlink Functions requests on the local chain",
  offBecause: (deps) => (deps.fulfiller ? null : "no local Functions router, coordinator and CHAINLINK_SECRET"),
  async run({ env, db, fulfiller: config }, ctx) {
    const don = createFulfiller(config!);
    console.log(`[worker] local Chainlink DON answering requests on ${config!.coordinator}`);
    while (!ctx.isStopping()) {
      try {
        for (const f of await don.step())
          console.log(
            `[worker] Chainlink request ${f.requestId.slice(0, 10)}… fulfilled ${f.error ? `with error: ${f.error}` : `(${(f.response!.length - 2) / 2} bytes)`}`,
          );
        await beat(db, heartbeatNames.fulfiller).catch(() => {});
      } catch (error) {
        console.error(`[worker] local DON step failed (${firstLine(error)}); retrying`);
        await beat(db, heartbeatNames.fulfiller, (error as Error).message).catch(() => {});
      }
      await new Promise((resolve) => setTimeout(resolve, env.INDEXER_POLL_MS));
    }
  },
});
