// npm run bench:sync [-- N]: N batches (default 10,000) on a fresh anvil, indexed into an empty
// database; 1% of them then broken behind the chain's back. One reconciliation reads them through
// Multicall3, another (after breaking them again) one eth_call per batch, in the same process.
// Prints RPC calls, calls per batch and wall time of each as JSON.
import { sql } from "drizzle-orm";
import { createPublicClient, http, type Address } from "viem";

import { operatorAccount, producerAccounts } from "@/lib/chain/dev-accounts";

import { batchTokenAbi } from "../lib/chain/abi";
import { chainFor } from "../lib/chain/client";
import type { Db } from "../lib/db";
import { createIndexer } from "../lib/events/indexer";
import { runSync } from "../lib/sync/run";
import { startSync } from "../lib/sync/start";
import { withBenchStack } from "./lib/bench-stack";
import { generateEvents } from "./lib/bulk-events";

const target = Number(process.argv[2] ?? 10_000);
const log = (line: string) => console.error(`[bench] ${line}`);

/** Breaks 1% of the rows (their on-chain quantity), as a hand edit would. */
const breakRows = (db: Db) =>
  db.execute(sql`update batches set onchain_quantity = onchain_quantity + 1 where token_id % 100 = 0`);

await withBenchStack(async ({ db, client, rpcUrl, deployment }) => {
  const address = deployment.batchToken.address as Address;
  const count = () => client.readContract({ address, abi: batchTokenAbi, functionName: "batchCount" });

  log(`minting ${target} batches…`);
  await generateEvents(
    { client, rpcUrl: rpcUrl, address, admin: operatorAccount, producers: producerAccounts },
    0,
    log,
    target,
  );
  const batches = Number(await count());
  log(`indexing ${batches} batches…`);
  const indexer = createIndexer({
    db,
    client,
    chainId: 31337,
    address,
    deployBlock: BigInt(deployment.batchToken.deployBlock),
    blockRange: 2_000,
  });
  await indexer.toHead();

  /** One full run with an RPC client that counts its requests. */
  const measure = async (multicall: Address | undefined) => {
    await breakRows(db);
    let calls = 0;
    const counted = createPublicClient({
      chain: chainFor(31337, rpcUrl),
      transport: http(rpcUrl, { onFetchRequest: () => void calls++ }),
    });
    const { sync } = await startSync(db, "manual", async () => null);
    const started = performance.now();
    const run = await runSync(
      { db, chain: { client: counted, chainId: 31337, address, multicall }, listener: indexer.key },
      sync.id,
    );
    const seconds = (performance.now() - started) / 1000;
    if (run.status !== "succeeded" || run.checked !== batches || run.updated !== Math.floor(batches / 100))
      throw new Error(`unexpected run: ${JSON.stringify(run)}`);
    return {
      rpc_calls: calls,
      calls_per_batch: Math.round((calls / batches) * 10_000) / 10_000,
      seconds: Math.round(seconds * 100) / 100,
      repaired: run.updated,
    };
  };
  log("reconciling through Multicall3…");
  const batched = await measure(deployment.multicall3!.address);
  log("reconciling one call per batch…");
  const naive = await measure(undefined);
  console.log(
    JSON.stringify(
      {
        bench: "sync",
        batches,
        multicall: batched,
        one_call_per_batch: naive,
        fewer_calls: Math.round((naive.rpc_calls / batched.rpc_calls) * 10) / 10,
        faster: Math.round((naive.seconds / batched.seconds) * 10) / 10,
        node: process.version,
      },
      null,
      2,
    ),
  );
});
