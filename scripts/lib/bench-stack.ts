// A throwaway stack for a benchmark: a fresh Postgres (migrated) and anvil (contracts deployed),
// removed when the benchmark ends, however it ends.
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type pg from "pg";
import type { PublicClient } from "viem";

import { operatorAccount, producerAccounts } from "@/lib/chain/dev-accounts";

import { createChainClient } from "../../lib/chain/client";
import { createDb, type Db } from "../../lib/db";
import { migrate } from "../../lib/db/migrate";
import { startAnvil } from "./anvil";
import { compileContracts } from "./contracts";
import { deployContracts, type Deployment } from "./deploy";
import { freePort } from "./free-port";
import { startPostgres } from "./postgres";

export type BenchStack = {
  db: Db;
  pool: pg.Pool;
  client: PublicClient;
  rpcUrl: string;
  deployment: Deployment;
  /** Another empty, migrated database on the same server, closed when the benchmark ends. */
  freshDb: (name: string) => Promise<{ db: Db; pool: pg.Pool }>;
};

/** With startTime (unix seconds), the chain's first block is dated then (scripts/lib/anvil.ts). */
export async function withBenchStack<T>(
  run: (s: BenchStack) => Promise<T>,
  opts: { startTime?: number } = {},
): Promise<T> {
  const dir = mkdtempSync(path.join(tmpdir(), "batchtrail-bench-"));
  chmodSync(dir, 0o755); // Postgres runs as its own user and must reach its data directory.
  const pgServer = await startPostgres({ dataDir: path.join(dir, "postgres"), port: await freePort() });
  const anvil = await startAnvil({ port: await freePort(), accounts: 10, startTime: opts.startTime });
  try {
    compileContracts();
    await pgServer.createDatabase("bench");
    const { db, pool } = createDb(pgServer.url("bench"), 4);
    await migrate(pool);
    const client = createChainClient(anvil.url, 31337);
    const deployment = await deployContracts({
      client,
      rpcUrl: anvil.url,
      admin: operatorAccount,
      minters: producerAccounts.map((a) => a.address),
    });
    const pools = [pool];
    const freshDb = async (name: string) => {
      await pgServer.createDatabase(name);
      const fresh = createDb(pgServer.url(name), 4);
      pools.push(fresh.pool);
      await migrate(fresh.pool);
      return fresh;
    };
    try {
      return await run({ db, pool, client, rpcUrl: anvil.url, deployment, freshDb });
    } finally {
      for (const p of pools) await p.end();
    }
  } finally {
    await anvil.stop();
    await pgServer.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
