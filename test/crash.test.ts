// Kills the real worker process (SIGKILL) at random points of a backfill, many times, and
// checks that the database it leaves matches a clean run's.
import { spawn, type ChildProcess } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getCheckpoint, indexToHead, type IndexerConfig } from "@/lib/events/indexer";
import { demoBatches } from "@/scripts/lib/demo-batches";
import { mintDemoBatches } from "@/scripts/lib/mint";
import { deployTestToken } from "./helpers/chain";
import { createTestDb, type TestDb } from "./helpers/db";
import { mirror } from "./helpers/mirror";
import { seededRandom } from "@/scripts/lib/random";

let clean: TestDb;
let crashed: TestDb;
let chain: Awaited<ReturnType<typeof deployTestToken>>;
let config: IndexerConfig;

beforeAll(async () => {
  [clean, crashed] = await Promise.all([createTestDb(), createTestDb()]);
  chain = await deployTestToken();
  await mintDemoBatches(chain.target, chain.admin, [chain.producer], demoBatches(30, new Date("2026-11-23T00:00:00Z"), 5));
  config = { db: clean.db, client: chain.client, chainId: 31337, address: chain.address, deployBlock: chain.deployBlock, blockRange: 1 };
  await indexToHead(config);
});
afterAll(async () => {
  await clean.drop();
  await crashed.drop();
});

function startWorker(): ChildProcess {
  return spawn(process.execPath, ["--import", "tsx", "scripts/worker.ts"], {
    env: {
      ...process.env,
      DATABASE_URL: crashed.url,
      RPC_URL: chain.rpcUrl,
      CHAIN_ID: "31337",
      BATCH_TOKEN_ADDRESS: chain.address,
      BATCH_TOKEN_DEPLOY_BLOCK: String(chain.deployBlock),
      AUTH_SECRET: "crash-test-secret-crash-test-secret!",
      INDEXER_BLOCK_RANGE: "1",
      INDEXER_POLL_MS: "100",
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const exited = (p: ChildProcess) => new Promise((r) => (p.exitCode !== null || p.signalCode !== null ? r(null) : p.once("exit", r)));

describe("crash safety", () => {
  it("a worker killed at random points of a backfill, many times, leaves what a clean run leaves", async () => {
    const seed = Number(process.env.CRASH_SEED ?? Date.now() % 100_000);
    const next = seededRandom(seed);
    const crashedConfig = { ...config, db: crashed.db };
    const head = await chain.client.getBlockNumber();
    let kills = 0;
    while ((await getCheckpoint(crashedConfig)) < head && kills < 15) {
      const from = await getCheckpoint(crashedConfig);
      // Kill once the worker has moved 1 to 6 blocks on, plus a random few milliseconds.
      const step = from + 1n + BigInt(Math.floor(next() * 6));
      // Never past the head: a worker that caught up would wait there for a block that never comes.
      const target = step < head ? step : head;
      const worker = startWorker();
      while ((await getCheckpoint(crashedConfig)) < target && worker.exitCode === null) await sleep(2);
      await sleep(Math.floor(next() * 15));
      worker.kill("SIGKILL");
      await exited(worker);
      kills++;
    }
    expect(kills, `seed ${seed}`).toBeGreaterThanOrEqual(10);
    console.log(`crash test: ${kills} kills over ${head - chain.deployBlock} blocks (CRASH_SEED=${seed})`);

    const finisher = startWorker();
    while ((await getCheckpoint(crashedConfig)) < head && finisher.exitCode === null) await sleep(20);
    finisher.kill("SIGTERM");
    await exited(finisher);
    expect(await mirror(crashed.db), `seed ${seed}, ${kills} kills`).toEqual(await mirror(clean.db));
  }, 240_000);
});
