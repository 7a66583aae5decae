// Run by the stack (with --conditions=react-server, as the worker is) right after it minted the demo:
// indexes the chain, then seeds the off-chain history (scripts/lib/demo-activity.ts) and files the
// demo batches' plots (scripts/lib/demo-plots-seed.ts) before the worker and the app start.
import type { Address } from "viem";

import { createChainClient } from "../lib/chain/client";
import { createDb } from "../lib/db";
import { parseEnv } from "../lib/env";
import { indexToHead } from "../lib/events/indexer";
import { seedDemoActivity } from "./lib/demo-activity";
import { demoHistory } from "./lib/demo-history";
import { ensureDemoPlots } from "./lib/demo-plots-seed";
import { demoUsers } from "./lib/demo-users";

const env = parseEnv(process.env);
const count = Number(process.env.DEMO_BATCHES ?? 0);
const { db, pool } = createDb(env.DATABASE_URL, 2);
const client = createChainClient(env.RPC_URL, env.CHAIN_ID);
const address = env.BATCH_TOKEN_ADDRESS as Address;
try {
  await indexToHead({
    db,
    client,
    chainId: env.CHAIN_ID,
    address,
    consumer: env.CHAINLINK_CONSUMER_ADDRESS as Address | undefined,
    deployBlock: env.BATCH_TOKEN_DEPLOY_BLOCK,
    blockRange: env.INDEXER_BLOCK_RANGE,
  });
  const made = await seedDemoActivity(
    db,
    { client, chainId: env.CHAIN_ID, address },
    demoHistory(count, new Date(process.env.DEMO_NOW ?? Date.now())).batches,
    {
      verifierEmail: demoUsers.find((u) => u.role === "verifier")!.email!,
      tolerancePct: env.VERIFICATION_TOLERANCE_PCT,
      now: new Date(process.env.DEMO_NOW ?? Date.now()),
    },
  );
  console.log(`[stack] seeded ${made} quality checks, fraud assessments and counts over the demo's past`);
  console.log(`[stack] filed demo plots for ${await ensureDemoPlots(db)} batches`);
} finally {
  await pool.end();
}
