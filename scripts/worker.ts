// The worker process: follows the batch token's events into Postgres (lib/events), polling, or
// woken by new blocks over a WebSocket when RPC_WS_URL is set; on the local chain it is also the
// Chainlink DON (lib/chainlink/fulfiller.ts).
import { createPublicClient, createWalletClient, http, webSocket, type Address } from "viem";
import { flagExpiry } from "../lib/alerts/expiry";
import { chainFor, createChainClient } from "../lib/chain/client";
import { createFulfiller } from "../lib/chainlink/fulfiller";
import { createDb } from "../lib/db";
import { getEnv } from "../lib/env";
import { createIndexer } from "../lib/events/indexer";
import { listenRound } from "../lib/events/run";
import { refreshAnalytics } from "../lib/analytics/refresh";
import { analyticsQueue, anchorQueue, foldQueue, pruneQueue, startBoss, syncQueue, type SyncJobData } from "../lib/jobs/boss";
import { anchorPending, type AnchorChain } from "../lib/provenance/anchor";
import { pruneExpired } from "../lib/jobs/prune";
import { foldCounts } from "../lib/stats/counts";
import { runSyncJob } from "../lib/sync/job";
import { createStatusClient } from "../lib/system/checks";
import { beat, heartbeatNames } from "../lib/system/heartbeat";
import { getSystemStatus } from "../lib/system/status";
import { followTransactions } from "../lib/sync/transactions";
import { privateKeyToAccount } from "viem/accounts";
import { anchorAccount, donAccount } from "./lib/accounts";

const env = getEnv();
const { db, pool } = createDb(env.DATABASE_URL, 4);
const client = createChainClient(env.RPC_URL, env.CHAIN_ID);
const indexer = createIndexer({
  db,
  client,
  chainId: env.CHAIN_ID,
  address: env.BATCH_TOKEN_ADDRESS as Address,
  consumer: env.CHAINLINK_CONSUMER_ADDRESS as Address | undefined,
  deployBlock: env.BATCH_TOKEN_DEPLOY_BLOCK,
  blockRange: env.INDEXER_BLOCK_RANGE,
  confirmations: env.INDEXER_CONFIRMATIONS,
});

// The audit anchorer: ANCHOR_PRIVATE_KEY, or on the local chain the development account granted ANCHOR_ROLE.
const anchorSigner = env.ANCHOR_PRIVATE_KEY ? privateKeyToAccount(env.ANCHOR_PRIVATE_KEY as `0x${string}`) : env.CHAIN_ID === 31337 ? anchorAccount : null;
const anchorer: AnchorChain | null =
  env.AUDIT_ANCHOR_ADDRESS && anchorSigner
    ? { client, wallet: createWalletClient({ account: anchorSigner, chain: chainFor(env.CHAIN_ID, env.RPC_URL), transport: http(env.RPC_URL) }), chainId: env.CHAIN_ID, address: env.AUDIT_ANCHOR_ADDRESS as Address }
    : null;

let isStopping = false;
let wake = () => {};
const sleep = (ms: number) => new Promise<void>((resolve) => {
  const timer = setTimeout(resolve, ms);
  wake = () => (clearTimeout(timer), resolve());
});

const unwatch = env.RPC_WS_URL
  ? createPublicClient({ transport: webSocket(env.RPC_WS_URL) }).watchBlockNumber({ onBlockNumber: () => wake(), onError: (e) => console.error(`[worker] block subscription: ${e.message.split("\n")[0]}`) })
  : () => {};

async function run() {
  let failures = 0;
  let hasCaughtUp = false;
  while (!isStopping) {
    try {
      const round = await listenRound(db, indexer, {
        budgetMs: 10_000,
        onStep: (s) => {
          if (s.kind === "indexed" && s.events > 0) console.log(`[worker] indexed ${s.events} events in blocks ${s.fromBlock}–${s.toBlock}${s.failed ? ` (${s.failed} failed)` : ""}`);
          if (s.kind === "reorg") console.log(`[worker] reorg: rolled back to block ${s.ancestor}, ${s.orphaned} events orphaned`);
          if (s.kind === "narrowed") console.log(`[worker] RPC refused the range; trying ${s.blockRange} blocks (${s.error})`);
        },
      });
      failures = 0;
      await beat(db, heartbeatNames.listener).catch(() => {});
      // The first time the mirror is complete, look for expiring batches at once rather than in an hour.
      if (round.caughtUp && !hasCaughtUp) void checkExpiry().then(refreshRollups);
      // …and anchor the audit records the catch-up wrote, rather than at the next scheduled run.
      if (round.caughtUp && !hasCaughtUp && anchorer) void bossReady.then((b) => b.send(anchorQueue, {})).catch((e: Error) => console.error(`[worker] could not enqueue anchoring: ${e.message}`));
      hasCaughtUp ||= round.caughtUp;
      if (round.caughtUp || round.paused) await sleep(env.INDEXER_POLL_MS);
    } catch (error) {
      failures++;
      await beat(db, heartbeatNames.listener, (error as Error).message).catch(() => {});
      const wait = Math.min(30_000, env.INDEXER_POLL_MS * 2 ** failures);
      console.error(`[worker] indexing failed (${(error as Error).message.split("\n")[0]}); retrying in ${wait} ms`);
      await sleep(wait);
    }
  }
  unwatch();
}

// The local DON answers each Functions request on the local coordinator; a failed step is retried.
async function fulfil() {
  if (!env.CHAINLINK_COORDINATOR_ADDRESS || !env.CHAINLINK_ROUTER_ADDRESS || !env.CHAINLINK_SECRET) return;
  if (env.CHAIN_ID !== 31337) throw new Error("CHAINLINK_COORDINATOR_ADDRESS: the local DON runs on the local chain (31337) only; a real chain has a real DON");
  const wallet = createWalletClient({ account: donAccount, chain: chainFor(env.CHAIN_ID, env.RPC_URL), transport: http(env.RPC_URL) });
  const fulfiller = createFulfiller({ client, wallet, router: env.CHAINLINK_ROUTER_ADDRESS as Address, coordinator: env.CHAINLINK_COORDINATOR_ADDRESS as Address, fromBlock: env.BATCH_TOKEN_DEPLOY_BLOCK, secrets: { apiSecret: env.CHAINLINK_SECRET } });
  console.log(`[worker] local Chainlink DON answering requests on ${env.CHAINLINK_COORDINATOR_ADDRESS}`);
  while (!isStopping) {
    try {
      for (const f of await fulfiller.step()) console.log(`[worker] Chainlink request ${f.requestId.slice(0, 10)}… fulfilled ${f.error ? `with error: ${f.error}` : `(${(f.response!.length - 2) / 2} bytes)`}`);
      await beat(db, heartbeatNames.fulfiller).catch(() => {});
    } catch (error) {
      console.error(`[worker] local DON step failed (${(error as Error).message.split("\n")[0]}); retrying`);
      await beat(db, heartbeatNames.fulfiller, (error as Error).message).catch(() => {});
    }
    await new Promise((resolve) => setTimeout(resolve, env.INDEXER_POLL_MS));
  }
}

// Jobs: the scheduled full reconciliation and the ones the API enqueues, one at a time.
async function work() {
  const boss = await startBoss(env.DATABASE_URL, "worker");
  const config = { db, chain: { client, chainId: env.CHAIN_ID, address: env.BATCH_TOKEN_ADDRESS as Address, multicall: env.MULTICALL3_ADDRESS as Address }, listener: indexer.key };
  await boss.schedule(syncQueue, env.SYNC_CRON, {}, { tz: "UTC" });
  await boss.work<SyncJobData>(syncQueue, { batchSize: 1 }, async ([job]) => {
    console.log(`[worker] ${await runSyncJob(config, job)}`);
  });
  await boss.schedule(pruneQueue, "17 * * * *", {}, { tz: "UTC" });
  await boss.work(pruneQueue, async () => {
    const pruned = await pruneExpired(db);
    if (Object.values(pruned).some((n) => n > 0)) console.log(`[worker] pruned ${JSON.stringify(pruned)}`);
  });
  await boss.schedule(foldQueue, "* * * * *", {}, { tz: "UTC" });
  await boss.work(foldQueue, async () => {
    await foldCounts(db);
  });
  await boss.schedule(analyticsQueue, "*/5 * * * *", {}, { tz: "UTC" });
  await boss.work(analyticsQueue, async () => void (await refreshRollups()));
  if (anchorer) {
    await boss.schedule(anchorQueue, env.ANCHOR_CRON, {}, { tz: "UTC" });
    await boss.work(anchorQueue, { batchSize: 1 }, async () => {
      const outcome = await anchorPending(db, anchorer);
      if (outcome.kind === "anchored") for (const r of outcome.ranges) console.log(`[worker] anchored audit records ${r.from}–${r.to} in block ${r.blockNumber} (${r.txHash})`);
      if (outcome.kind === "broken") console.error(`[worker] anchoring stopped: ${outcome.reason}`);
    });
  }
  console.log(`[worker] jobs: full sync on "${env.SYNC_CRON}" (UTC) and on demand; expired nonces and rate-limit windows pruned hourly; dashboard counters folded every minute; analytics rollups refreshed every 5 minutes; ${anchorer ? `audit log anchored on "${env.ANCHOR_CRON}"` : "audit anchoring off (no AUDIT_ANCHOR_ADDRESS, or no ANCHOR_PRIVATE_KEY off the local chain)"}`);
  return boss;
}

// Analytics rollups: at start (so the page has data at once), every 5 minutes, and once the mirror first catches up.
function refreshRollups() {
  return refreshAnalytics(db).then(
    (r) => console.log(`[worker] analytics rollups refreshed from ${r.from} in ${r.durationMs} ms`),
    (e: Error) => console.error(`[worker] analytics refresh failed: ${e.message.split("\n")[0]}`),
  );
}

// Expiry alerts: once caught up, then hourly; a failure is logged and the next hour tries again.
function checkExpiry() {
  return flagExpiry(db).then(
    (r) => r.raised > 0 && console.log(`[worker] expiry check: ${r.raised} alerts raised (${r.checked} batches checked)`),
    (e: Error) => console.error(`[worker] expiry check failed: ${e.message.split("\n")[0]}`),
  );
}
const expiryTimer = setInterval(checkExpiry, 3_600_000);

// Transactions sent from the app's pages are followed every 15 s (full syncs follow them too).
let isFollowing = false;
const transactionTimer = setInterval(() => {
  if (isFollowing) return;
  isFollowing = true;
  followTransactions(db, client, env.CHAIN_ID)
    .then(
      (n) => n > 0 && console.log(`[worker] ${n} transaction(s) reached an end`),
      (e: Error) => console.error(`[worker] following transactions failed: ${e.message.split("\n")[0]}`),
    )
    .finally(() => (isFollowing = false));
}, 15_000);

// The dashboard's component states are recorded every 15 s, so each one's `since` is right within
// 15 s even while no dashboard is open (lib/system/states.ts).
const statusDeps = { db, client: createStatusClient(env.RPC_URL, env.CHAIN_ID), chainId: env.CHAIN_ID, listener: indexer.key, isFulfillerConfigured: Boolean(env.CHAINLINK_ROUTER_ADDRESS && env.CHAINLINK_COORDINATOR_ADDRESS) };
let isChecking = false;
const statusTimer = setInterval(() => {
  if (isChecking) return;
  isChecking = true;
  getSystemStatus(statusDeps)
    .catch((e: Error) => console.error(`[worker] status check failed: ${e.message.split("\n")[0]}`))
    .finally(() => (isChecking = false));
}, 15_000);

for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => ((isStopping = true), clearInterval(expiryTimer), clearInterval(transactionTimer), clearInterval(statusTimer), wake()));
console.log(`[worker] following ${env.BATCH_TOKEN_ADDRESS} on chain ${env.CHAIN_ID} from block ${env.BATCH_TOKEN_DEPLOY_BLOCK}`);
void refreshRollups();
const bossReady = work();
const boss = await bossReady;
await Promise.all([run(), fulfil()]);
// A sync stopped midway is simply run again later: every page is idempotent.
await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
await pool.end();
