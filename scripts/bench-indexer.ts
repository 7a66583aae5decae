// npm run bench:indexer [-- N]: mints N events (default 50,000) on a fresh anvil, backfills them
// into an empty database with the real indexer, and prints events per second and peak memory.
import { sql } from "drizzle-orm";

import { operatorAccount, producerAccounts } from "@/lib/chain/dev-accounts";

import { createIndexer } from "../lib/events/indexer";
import { withBenchStack } from "./lib/bench-stack";
import { generateEvents } from "./lib/bulk-events";

const count = Number(process.argv[2] ?? 50_000);
const blockRange = Number(process.env.INDEXER_BLOCK_RANGE ?? 2_000);
const log = (line: string) => console.error(`[bench] ${line}`);

await withBenchStack(async ({ db, client, rpcUrl, deployment }) => {
  const address = deployment.batchToken.address as `0x${string}`;

  log(`minting ${count} events…`);
  const minted = await generateEvents(
    { client, rpcUrl, address, admin: operatorAccount, producers: producerAccounts },
    count,
    log,
  );
  log(
    `minted ${minted.events} events in ${minted.transactions} transactions, blocks ${minted.fromBlock}–${minted.toBlock}; backfilling…`,
  );

  let peakRss = 0;
  let peakHeap = 0;
  const sample = () => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  };
  const sampler = setInterval(sample, 20);
  const started = performance.now();
  const stored = await createIndexer({
    db,
    client,
    chainId: 31337,
    address,
    deployBlock: BigInt(deployment.batchToken.deployBlock),
    blockRange,
  }).toHead();
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  sample();

  const [{ processed }] = (
    await db.execute(sql`select count(*) filter (where status = 'processed')::int as processed from blockchain_events`)
  ).rows as { processed: number }[];
  // Deploying granted roles before the minting began; those events are indexed too.
  const setup = (
    await client.getLogs({
      address,
      fromBlock: BigInt(deployment.batchToken.deployBlock),
      toBlock: minted.fromBlock - 1n,
    })
  ).length;
  if (stored !== minted.events + setup || processed !== stored)
    throw new Error(`stored ${stored}, processed ${processed}, but ${minted.events + setup} are on chain`);
  console.log(
    JSON.stringify(
      {
        bench: "indexer",
        events: stored,
        transactions: minted.transactions,
        blocks: Number(minted.toBlock - minted.fromBlock + 1n),
        block_range: blockRange,
        seconds: Math.round(seconds * 100) / 100,
        events_per_second: Math.round(stored / seconds),
        peak_rss_mb: Math.round(peakRss / 2 ** 20),
        peak_heap_mb: Math.round(peakHeap / 2 ** 20),
        node: process.version,
      },
      null,
      2,
    ),
  );
});
