// Follows the batch token's events into Postgres (lib/events): polling once caught up, or woken by
// each new block over a WebSocket when RPC_WS_URL is set. Its first catch-up triggers the jobs that
// run `also: ["caught-up"]`.
import { watchHeads } from "@/lib/chain/heads";
import { listenRound } from "@/lib/events/run";
import { beat, heartbeatNames } from "@/lib/system/heartbeat";

import { firstLine, loop } from "../job";

export const listener = loop({
  name: "listener",
  summary: "indexes new blocks' events; backs off up to 30 s after a failure",
  async run({ env, db, indexer }, ctx) {
    const unwatch = env.RPC_WS_URL
      ? watchHeads(env.RPC_WS_URL, ctx.wake, {
          onLost: (e) => console.error(`[worker] block subscription lost, redialling: ${firstLine(e)}`),
        })
      : () => {};
    let failures = 0;
    let hasCaughtUp = false;
    while (!ctx.isStopping()) {
      try {
        const round = await listenRound(db, indexer, {
          budgetMs: 10_000,
          onStep: (s) => {
            if (s.kind === "indexed" && s.events > 0)
              console.log(
                `[worker] indexed ${s.events} events in blocks ${s.fromBlock}–${s.toBlock}${s.failed ? ` (${s.failed} failed)` : ""}`,
              );
            if (s.kind === "reorg")
              console.log(`[worker] reorg: rolled back to block ${s.ancestor}, ${s.orphaned} events orphaned`);
            if (s.kind === "narrowed")
              console.log(`[worker] RPC refused the range; trying ${s.blockRange} blocks (${s.error})`);
          },
        });
        failures = 0;
        await beat(db, heartbeatNames.listener).catch(() => {});
        if (round.caughtUp && !hasCaughtUp) ctx.emit("caught-up");
        hasCaughtUp ||= round.caughtUp;
        if (round.caughtUp || round.paused) await ctx.sleep(env.INDEXER_POLL_MS);
      } catch (error) {
        failures++;
        await beat(db, heartbeatNames.listener, firstLine(error)).catch(() => {});
        const wait = Math.min(30_000, env.INDEXER_POLL_MS * 2 ** failures);
        console.error(`[worker] indexing failed (${firstLine(error)}); retrying in ${wait} ms`);
        await ctx.sleep(wait);
      }
    }
    unwatch();
  },
});
