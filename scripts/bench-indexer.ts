// npm run bench:indexer [-- N]: mints N events (default 50,000) on a fresh anvil, backfills them
// into an empty database with the real indexer, and prints events per second and peak memory. A
// second backfill of the same chain into another empty database, without the audit records (an
// option of createIndexer only this script uses), shows what the records cost.
import { sql } from "drizzle-orm";

import { operatorAccount, producerAccounts } from "@/lib/chain/dev-accounts";

import { createIndexer } from "../lib/events/indexer";
import { withBenchStack } from "./lib/bench-stack";
import { generateEvents } from "./lib/bulk-events";

const count = Number(process.argv[2] ?? 50_000);
const blockRange = Number(process.env.INDEXER_BLOCK_RANGE ?? 2_000);
const log = (line: string) => console.error(`[bench] ${line}`);

await withBenchStack(async ({ db, client, rpcUrl, deployment, freshDb }) => {
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

  // Deploying granted roles before the minting began; those events are indexed too.
  const setup = (
    await client.getLogs({
      address,
      fromBlock: BigInt(deployment.batchToken.deployBlock),
      toBlock: minted.fromBlock - 1n,
    })
  ).length;

  let peakRss = 0;
  let peakHeap = 0;
  const sample = () => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  };
  /** Backfills the whole chain into `into` and checks every event was stored and applied. */
  async function backfill(into: typeof db, withoutAuditRecords: boolean) {
    // Each backfill starts with nothing left to flush, so the first's writes do not slow the second.
    await into.execute(sql`checkpoint`);
    const sampler = setInterval(sample, 20);
    const started = performance.now();
    const stored = await createIndexer({
      db: into,
      client,
      chainId: 31337,
      address,
      deployBlock: BigInt(deployment.batchToken.deployBlock),
      blockRange,
      audit: withoutAuditRecords ? async () => {} : undefined,
    }).toHead();
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    sample();
    const [{ processed, records }] = (
      await into.execute(
        sql`select count(*) filter (where status = 'processed')::int as processed, (select count(*)::int from audit_records) as records from blockchain_events`,
      )
    ).rows as { processed: number; records: number }[];
    if (stored !== minted.events + setup || processed !== stored)
      throw new Error(`stored ${stored}, processed ${processed}, but ${minted.events + setup} are on chain`);
    // Its tables vacuumed now, rather than by autovacuum during the next backfill.
    await into.execute(sql`vacuum analyze`);
    return { stored, seconds, records };
  }

  const audited = await backfill(db, false);
  log("backfilling again into an empty database without audit records…");
  const bare = await backfill((await freshDb("bench_without_audit")).db, true);
  const round = (seconds: number) => Math.round(seconds * 100) / 100;
  console.log(
    JSON.stringify(
      {
        bench: "indexer",
        events: audited.stored,
        transactions: minted.transactions,
        blocks: Number(minted.toBlock - minted.fromBlock + 1n),
        block_range: blockRange,
        audit_records: audited.records,
        seconds: round(audited.seconds),
        events_per_second: Math.round(audited.stored / audited.seconds),
        seconds_without_audit_records: round(bare.seconds),
        events_per_second_without_audit_records: Math.round(bare.stored / bare.seconds),
        peak_rss_mb: Math.round(peakRss / 2 ** 20),
        peak_heap_mb: Math.round(peakHeap / 2 ** 20),
        node: process.version,
      },
      null,
      2,
    ),
  );
});
