// Kills the real worker process (SIGKILL) at points of a backfill drawn from a printed seed (CRASH_SEED
// replays one), up to 20 times, and checks that the database it leaves matches a clean worker run's.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { flagExpiry } from "@/lib/alerts/expiry";
import { getCheckpoint } from "@/lib/events/indexer";
import { seededRandom } from "@/scripts/lib/random";

import { indexerConfig } from "./helpers/chain";
import type { TestDb } from "./helpers/db";
import { startTwoRuns, type TwoRuns } from "./helpers/two-runs";
import { exited, isAlive, sleep, startWorker as startWorkerOn } from "./helpers/worker";
import { auditChain, workerState } from "./helpers/worker-state";

let runs: TwoRuns;
let head: bigint;

beforeAll(async () => {
  runs = await startTwoRuns(30, 5);
  // Uncached: viem's cached number can lag the last mint by seconds, and both runs must reach the real head.
  head = await runs.chain.client.getBlockNumber({ cacheTime: 0 });
});
afterAll(() => runs.drop());

const startWorker = (t: TestDb) => startWorkerOn(t.url, runs.chain, { INDEXER_BLOCK_RANGE: "1" });
const configOf = (t: TestDb) => indexerConfig(t.db, runs.chain, 1);

/** Runs a worker until it has indexed the head, then stops it as the stack would. */
async function runToHead(t: TestDb) {
  const worker = startWorker(t);
  while ((await getCheckpoint(configOf(t))) < head && isAlive(worker)) await sleep(20);
  worker.kill("SIGTERM");
  await exited(worker);
}

describe("crash safety", () => {
  it("a worker killed at seeded points of a backfill, up to 20 times, leaves what a clean run leaves", async () => {
    const { clean, tested: crashed, chain } = runs;
    const seed = Number(process.env.CRASH_SEED ?? Math.floor(Math.random() * 1_000_000));
    console.log(`crash test: CRASH_SEED=${seed}`);
    const next = seededRandom(seed);
    let kills = 0;
    for (let attempt = 0; attempt < 40 && kills < 20 && (await getCheckpoint(configOf(crashed))) < head; attempt++) {
      const from = await getCheckpoint(configOf(crashed));
      // Kill once the worker has moved 1 to 6 blocks on, plus a drawn few milliseconds.
      const step = from + 1n + BigInt(Math.floor(next() * 6));
      // Never past the head: a worker that caught up would wait there for a block that never comes.
      const target = step < head ? step : head;
      const worker = startWorker(crashed);
      while ((await getCheckpoint(configOf(crashed))) < target && isAlive(worker)) await sleep(2);
      await sleep(Math.floor(next() * 15));
      // A worker that exited on its own was not killed: it does not count.
      if (!isAlive(worker)) continue;
      worker.kill("SIGKILL");
      await exited(worker);
      kills++;
    }
    console.log(`crash test: ${kills} kills over ${head - chain.deployBlock} blocks (CRASH_SEED=${seed})`);
    expect(kills, `CRASH_SEED=${seed}`).toBeGreaterThanOrEqual(10);

    await runToHead(crashed);
    await runToHead(clean);
    // The worker's expiry check runs once it catches up, and a stop may cut it short: finish it in both
    // (it raises each alert once, so a check a kill interrupted must not count twice).
    for (const t of [crashed, clean]) await flagExpiry(t.db);
    expect(await auditChain(crashed.db), `CRASH_SEED=${seed}`).toMatchObject({ brokenAt: null });
    const expected = await workerState(clean.db, clean.pool);
    // What is compared is there to compare: the mints' movements and holdings among it.
    expect(expected.movements.length).toBeGreaterThan(0);
    expect(expected.holdings.length).toBeGreaterThan(0);
    expect(await workerState(crashed.db, crashed.pool), `CRASH_SEED=${seed}, ${kills} kills`).toEqual(expected);
  }, 420_000);
});
