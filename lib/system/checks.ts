// One check per component of the system, each judged against the thresholds below. A check never
// throws: what it cannot reach is its answer.
import { sql } from "drizzle-orm";
import { createPublicClient, http, type PublicClient } from "viem";

import { chainFor } from "@/lib/chain/client";
import type { Db } from "@/lib/db";

import type { Heartbeat } from "./heartbeat";

export type State = "ok" | "degraded" | "down" | "not_configured";
export type Check = { state: State; message: string; details: Record<string, unknown> };

export const thresholds = {
  databaseSlowMs: 500,
  rpcSlowMs: 1_000,
  /** The status check gives the RPC this long before calling it down. */
  rpcTimeoutMs: 2_500,
  listenerLagBlocks: 20,
  // The worker reports every round (about every second); Vercel Cron once a minute.
  listenerSilentSeconds: 90,
  jobWaitSeconds: 120,
  fulfillerSilentSeconds: 30,
} as const;

/** An RPC client that gives up quickly and never retries, so a stopped node shows as down within seconds. */
export const createStatusClient = (rpcUrl: string, chainId: number): PublicClient =>
  createPublicClient({
    chain: chainFor(chainId, rpcUrl),
    transport: http(rpcUrl, { retryCount: 0, timeout: thresholds.rpcTimeoutMs }),
  });

const firstLine = (error: unknown) =>
  ((error as { shortMessage?: string }).shortMessage ?? (error as Error).message ?? String(error))
    .split("\n")[0]
    .slice(0, 300);
const secondsSince = (then: Date, now: Date) => Math.max(0, Math.round((now.getTime() - then.getTime()) / 1000));

export async function checkDatabase(db: Db): Promise<Check> {
  const started = performance.now();
  try {
    await db.execute(sql`select 1`);
    const latency = Math.round(performance.now() - started);
    const slow = latency > thresholds.databaseSlowMs;
    return {
      state: slow ? "degraded" : "ok",
      message: slow ? `Answers slowly (${latency} ms)` : `Answers in ${latency} ms`,
      details: { latency_ms: latency },
    };
  } catch (error) {
    return { state: "down", message: `Does not answer: ${firstLine(error)}`, details: { latency_ms: null } };
  }
}

export type RpcCheck = Check & { head: bigint | null };

export async function checkRpc(client: PublicClient, expectedChainId: number): Promise<RpcCheck> {
  const started = performance.now();
  try {
    const [chainId, head] = await Promise.all([client.getChainId(), client.getBlockNumber({ cacheTime: 0 })]);
    const latency = Math.round(performance.now() - started);
    const details = {
      chain_id: chainId,
      expected_chain_id: expectedChainId,
      head_block: head.toString(),
      latency_ms: latency,
    };
    if (chainId !== expectedChainId)
      return { state: "down", message: `Serves chain ${chainId}, not chain ${expectedChainId}`, details, head: null };
    const slow = latency > thresholds.rpcSlowMs;
    return {
      state: slow ? "degraded" : "ok",
      message: `Chain ${chainId} at block ${head}${slow ? `, slowly (${latency} ms)` : ` (${latency} ms)`}`,
      details,
      head,
    };
  } catch (error) {
    return {
      state: "down",
      message: `Does not answer: ${firstLine(error)}`,
      details: { chain_id: null, expected_chain_id: expectedChainId, head_block: null, latency_ms: null },
      head: null,
    };
  }
}

export type ListenerFacts = {
  isActive: boolean;
  lastBlock: bigint | null;
  storedHead: bigint | null;
  lastError: string | null;
} | null;

export function judgeListener(
  facts: ListenerFacts,
  heartbeat: Heartbeat | undefined,
  head: bigint | null,
  now: Date,
): Check {
  const headBlock = head ?? facts?.storedHead ?? null;
  const lastBlock = facts?.lastBlock ?? null;
  const lag = headBlock !== null && lastBlock !== null ? (headBlock > lastBlock ? headBlock - lastBlock : 0n) : null;
  const silent = heartbeat ? secondsSince(heartbeat.beat_at, now) : null;
  const details = {
    listening: facts?.isActive ?? true,
    head_block: headBlock?.toString() ?? null,
    last_processed_block: lastBlock?.toString() ?? null,
    lag_blocks: lag?.toString() ?? null,
    last_round_at: heartbeat?.beat_at.toISOString() ?? null,
    last_error: heartbeat?.error ?? facts?.lastError ?? null,
  };
  if (facts && !facts.isActive) return { state: "degraded", message: "Paused by an operator", details };
  if (silent === null)
    return { state: "down", message: "No listening round reported yet (is the worker running?)", details };
  if (silent > thresholds.listenerSilentSeconds)
    return { state: "down", message: `No listening round for ${silent} s (is the worker running?)`, details };
  if (heartbeat?.error) return { state: "degraded", message: `The last round failed: ${heartbeat.error}`, details };
  if (lag !== null && lag > BigInt(thresholds.listenerLagBlocks))
    return { state: "degraded", message: `${lag} blocks behind the chain`, details };
  return { state: "ok", message: lag === null ? "Listening" : `Listening, ${lag} blocks behind`, details };
}

type QueueRow = { name: string; queued: number; active: number; failed_last_hour: number; oldest_ready: string | null };

export async function checkJobQueue(db: Db, now: Date): Promise<Check> {
  let rows: QueueRow[];
  try {
    // pg-boss keeps jobs in pgboss.job until they are archived; only unfinished and recent failures count.
    ({ rows } = await db.execute<QueueRow>(sql`
      select name,
        (count(*) filter (where state in ('created', 'retry')))::int as queued,
        (count(*) filter (where state = 'active'))::int as active,
        (count(*) filter (where state = 'failed'))::int as failed_last_hour,
        min(start_after) filter (where state in ('created', 'retry') and start_after <= now()) as oldest_ready
      from pgboss.job
      where state < 'completed' or (state = 'failed' and completed_on > now() - interval '1 hour')
      group by name order by name`));
  } catch (error) {
    return {
      state: "down",
      message: `The job queue cannot be read: ${firstLine(error)}`,
      details: { queued: null, active: null, failed_last_hour: null, oldest_wait_seconds: null, queues: {} },
    };
  }
  const total = (k: "queued" | "active" | "failed_last_hour") => rows.reduce((sum, r) => sum + Number(r[k]), 0);
  const oldest = rows
    .map((r) => r.oldest_ready)
    .filter((d): d is string => d !== null)
    .map((d) => new Date(d))
    .sort((a, b) => a.getTime() - b.getTime())[0];
  const wait = oldest ? secondsSince(oldest, now) : null;
  const details = {
    queued: total("queued"),
    active: total("active"),
    failed_last_hour: total("failed_last_hour"),
    oldest_wait_seconds: wait,
    queues: Object.fromEntries(
      rows.map((r) => [
        r.name,
        { queued: Number(r.queued), active: Number(r.active), failed_last_hour: Number(r.failed_last_hour) },
      ]),
    ),
  };
  const depth = `${details.queued} queued, ${details.active} running`;
  if (wait !== null && wait > thresholds.jobWaitSeconds)
    return { state: "degraded", message: `A job has waited ${wait} s for a worker (${depth})`, details };
  if (details.failed_last_hour > 0)
    return {
      state: "degraded",
      message: `${details.failed_last_hour} job(s) failed in the last hour (${depth})`,
      details,
    };
  return { state: "ok", message: depth, details };
}

export function judgeFulfiller(isConfigured: boolean, heartbeat: Heartbeat | undefined, now: Date): Check {
  const silent = heartbeat ? secondsSince(heartbeat.beat_at, now) : null;
  const details = {
    configured: isConfigured,
    last_step_at: heartbeat?.beat_at.toISOString() ?? null,
    last_ok_at: heartbeat?.ok_at?.toISOString() ?? null,
    last_error: heartbeat?.error ?? null,
  };
  if (!isConfigured)
    return {
      state: "not_configured",
      message:
        "Not configured: no local DON (CHAINLINK_ROUTER_ADDRESS and CHAINLINK_COORDINATOR_ADDRESS unset); on a public network Chainlink's DON answers",
      details,
    };
  if (silent === null)
    return { state: "down", message: "The worker's local DON has not reported yet (is the worker running?)", details };
  if (silent > thresholds.fulfillerSilentSeconds)
    return { state: "down", message: `The worker's local DON has not reported for ${silent} s`, details };
  if (heartbeat?.error) return { state: "degraded", message: `The last step failed: ${heartbeat.error}`, details };
  return { state: "ok", message: "Answering Functions requests", details };
}

type SyncRow = {
  id: string;
  status: string;
  trigger: string;
  checked: number;
  updated: number;
  flagged: number;
  failed: number;
  error: string | null;
  started_at: string | null;
  finished_at: string | null;
  created_at: string;
};

export async function checkSync(db: Db, batchesInError: number, batchesOutOfSync: number): Promise<Check> {
  try {
    const { rows } = await db.execute<SyncRow>(sql`
      select id::text, status, trigger, checked, updated, flagged, failed, error, started_at, finished_at, created_at
      from sync_history where batch_id is null order by id desc limit 1`);
    const run = rows[0];
    const lastRun = run
      ? {
          id: Number(run.id),
          status: run.status,
          trigger: run.trigger,
          checked: run.checked,
          updated: run.updated,
          flagged: run.flagged,
          failed: run.failed,
          error: run.error,
          started_at: run.started_at && new Date(run.started_at).toISOString(),
          finished_at: run.finished_at && new Date(run.finished_at).toISOString(),
        }
      : null;
    const details = { last_run: lastRun, batches_in_error: batchesInError, batches_out_of_sync: batchesOutOfSync };
    if (run?.status === "failed")
      return {
        state: "degraded",
        message: `The last full sync (#${run.id}) failed${run.error ? `: ${run.error}` : ""}`,
        details,
      };
    if (batchesInError > 0)
      return { state: "degraded", message: `${batchesInError} batch(es) keep failing to sync`, details };
    if (!run) return { state: "ok", message: "No full sync has run yet", details };
    return { state: "ok", message: `Last full sync #${run.id} ${run.status}`, details };
  } catch (error) {
    return {
      state: "down",
      message: `Sync history cannot be read: ${firstLine(error)}`,
      details: { last_run: null, batches_in_error: batchesInError, batches_out_of_sync: batchesOutOfSync },
    };
  }
}
