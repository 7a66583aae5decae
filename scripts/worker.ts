// The worker process: follows the batch token's events into Postgres (lib/events), polling, or
// woken by new blocks over a WebSocket when RPC_WS_URL is set.
import { createPublicClient, webSocket } from "viem";
import { flagExpiry } from "../lib/alerts/expiry";
import { createChainClient } from "../lib/chain/client";
import { createDb } from "../lib/db";
import { getEnv } from "../lib/env";
import { createIndexer } from "../lib/events/indexer";
import { listenRound } from "../lib/events/run";

const env = getEnv();
const { db, pool } = createDb(env.DATABASE_URL, 4);
const indexer = createIndexer({
  db,
  client: createChainClient(env.RPC_URL, env.CHAIN_ID),
  chainId: env.CHAIN_ID,
  address: env.BATCH_TOKEN_ADDRESS as `0x${string}`,
  deployBlock: env.BATCH_TOKEN_DEPLOY_BLOCK,
  blockRange: env.INDEXER_BLOCK_RANGE,
  confirmations: env.INDEXER_CONFIRMATIONS,
});

let isStopping = false;
let wake = () => {};
const sleep = (ms: number) => new Promise<void>((resolve) => {
  const timer = setTimeout(resolve, ms);
  wake = () => (clearTimeout(timer), resolve());
});

const unwatch = env.RPC_WS_URL
  ? createPublicClient({ transport: webSocket(env.RPC_WS_URL) }).watchBlockNumber({ onBlockNumber: () => wake(), onError: (e) => console.error(`[worker] block subscription: ${e.message.split("\n")[0]}`) })
  : () => {};

async function run() {
  let failures = 0;
  let hasCaughtUp = false;
  while (!isStopping) {
    try {
      const round = await listenRound(db, indexer, {
        budgetMs: 10_000,
        onStep: (s) => {
          if (s.kind === "indexed" && s.events > 0) console.log(`[worker] indexed ${s.events} events in blocks ${s.fromBlock}–${s.toBlock}${s.failed ? ` (${s.failed} failed)` : ""}`);
          if (s.kind === "reorg") console.log(`[worker] reorg: rolled back to block ${s.ancestor}, ${s.orphaned} events orphaned`);
          if (s.kind === "narrowed") console.log(`[worker] RPC refused the range; trying ${s.blockRange} blocks (${s.error})`);
        },
      });
      failures = 0;
      // The first time the mirror is complete, look for expiring batches at once rather than in an hour.
      if (round.caughtUp && !hasCaughtUp) void checkExpiry();
      hasCaughtUp ||= round.caughtUp;
      if (round.caughtUp || round.paused) await sleep(env.INDEXER_POLL_MS);
    } catch (error) {
      failures++;
      const wait = Math.min(30_000, env.INDEXER_POLL_MS * 2 ** failures);
      console.error(`[worker] indexing failed (${(error as Error).message.split("\n")[0]}); retrying in ${wait} ms`);
      await sleep(wait);
    }
  }
  unwatch();
  await pool.end();
}

// Expiry alerts: once caught up, then hourly; a failure is logged and the next hour tries again.
function checkExpiry() {
  return flagExpiry(db).then(
    (r) => r.raised > 0 && console.log(`[worker] expiry check: ${r.raised} alerts raised (${r.checked} batches checked)`),
    (e: Error) => console.error(`[worker] expiry check failed: ${e.message.split("\n")[0]}`),
  );
}
const expiryTimer = setInterval(checkExpiry, 3_600_000);

for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => ((isStopping = true), clearInterval(expiryTimer), wake()));
console.log(`[worker] following ${env.BATCH_TOKEN_ADDRESS} on chain ${env.CHAIN_ID} from block ${env.BATCH_TOKEN_DEPLOY_BLOCK}`);
await run();
