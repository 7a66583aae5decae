// The real worker process against a test database and token, for the tests that kill it.
import { spawn, type ChildProcess } from "node:child_process";

import { workerArgs } from "@/scripts/lib/worker-command";

import type { TestToken } from "./chain";

/** Starts `npm run worker`'s process on the database at `databaseUrl`, following the test token. */
export function startWorker(databaseUrl: string, chain: TestToken, env: Record<string, string> = {}): ChildProcess {
  return spawn(process.execPath, workerArgs, {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      RPC_URL: chain.rpcUrl,
      CHAIN_ID: "31337",
      BATCH_TOKEN_ADDRESS: chain.address,
      BATCH_TOKEN_DEPLOY_BLOCK: String(chain.deployBlock),
      AUTH_SECRET: "worker-test-secret-worker-test-secret!",
      INDEXER_POLL_MS: "100",
      ...env,
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
export const isAlive = (p: ChildProcess) => p.exitCode === null && p.signalCode === null;
export const exited = (p: ChildProcess) => new Promise((r) => (isAlive(p) ? p.once("exit", r) : r(null)));
