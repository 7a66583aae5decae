// The indexer behind an RPC that fails, hangs, rate-limits and refuses wide log ranges: the
// backfill still completes, with exactly the events and batches a clean run stores.
import { createPublicClient, http } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { chainFor } from "@/lib/chain/client";
import { createIndexer, getCheckpoint, indexToHead, type IndexerConfig } from "@/lib/events/indexer";
import { listenRound } from "@/lib/events/run";

import { indexerConfig } from "./helpers/chain";
import { startFlakyRpc, type FlakyRpc } from "./helpers/flaky-rpc";
import { mirror } from "./helpers/mirror";
import { startTwoRuns, type TwoRuns } from "./helpers/two-runs";

let runs: TwoRuns;
let rpc: FlakyRpc;
let config: IndexerConfig;

beforeAll(async () => {
  runs = await startTwoRuns(40, 9);
  config = indexerConfig(runs.clean.db, runs.chain, 64);
  await indexToHead(config);
  rpc = await startFlakyRpc({
    upstream: runs.chain.rpcUrl,
    seed: 2026,
    failRate: 0.15,
    timeoutRate: 0.1,
    rateLimitRate: 0.15,
    maxLogRange: 6,
    hangMs: 1_000,
  });
});
afterAll(async () => {
  await rpc.stop();
  await runs.drop();
});

describe("a bad RPC", () => {
  it("slows the backfill down but changes nothing in what it stores", async () => {
    const { clean, tested: flaky, chain } = runs;
    // A short timeout and one retry, so faults reach the indexer instead of being absorbed by viem.
    const client = createPublicClient({
      chain: chainFor(31337, rpc.url),
      transport: http(rpc.url, { timeout: 300, retryCount: 1, retryDelay: 10 }),
    });
    const indexer = createIndexer({ ...config, db: flaky.db, client });
    const head = await chain.client.getBlockNumber();
    let errors = 0;
    // The worker's loop: a round, and on an error another round (the worker would back off first).
    while ((await getCheckpoint({ ...config, db: flaky.db })) < head) {
      await listenRound(flaky.db, indexer).catch(() => errors++);
    }
    expect(await mirror(flaky.db)).toEqual(await mirror(clean.db));
    expect(rpc.stats.failures).toBeGreaterThan(0);
    expect(rpc.stats.timeouts).toBeGreaterThan(0);
    expect(rpc.stats.rateLimited).toBeGreaterThan(0);
    expect(rpc.stats.rangeRefusals).toBeGreaterThan(0);
    expect(indexer.blockRange()).toBeLessThanOrEqual(6);
    console.log(`flaky RPC: ${rpc.stats.calls} calls, ${JSON.stringify(rpc.stats)}, ${errors} failed rounds`);
  }, 120_000);
});
