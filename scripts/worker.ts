// The worker process: follows the batch token's events into Postgres.
import { createChainClient } from "../lib/chain/client";
import { createDb } from "../lib/db";
import { getEnv } from "../lib/env";
import { indexNextRange, type IndexerConfig } from "../lib/events/indexer";

const env = getEnv();
const { db, pool } = createDb(env.DATABASE_URL, 4);
const config: IndexerConfig = {
  db,
  client: createChainClient(env.RPC_URL, env.CHAIN_ID),
  chainId: env.CHAIN_ID,
  address: env.BATCH_TOKEN_ADDRESS as `0x${string}`,
  deployBlock: env.BATCH_TOKEN_DEPLOY_BLOCK,
  blockRange: env.INDEXER_BLOCK_RANGE,
};

let isStopping = false;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function run() {
  let failures = 0;
  while (!isStopping) {
    try {
      const r = await indexNextRange(config);
      failures = 0;
      if (r.events > 0) console.log(`[worker] indexed ${r.events} events in blocks ${r.fromBlock}–${r.toBlock}`);
      if (r.isCaughtUp) await sleep(env.INDEXER_POLL_MS);
    } catch (error) {
      failures++;
      const wait = Math.min(30_000, env.INDEXER_POLL_MS * 2 ** failures);
      console.error(`[worker] indexing failed (${(error as Error).message.split("\n")[0]}); retrying in ${wait} ms`);
      await sleep(wait);
    }
  }
  await pool.end();
}

for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => (isStopping = true));
console.log(`[worker] following ${config.address} on chain ${config.chainId} from block ${config.deployBlock}`);
await run();
