// GET /api/system/status's answer: each component's state (ok, degraded, down, or not configured),
// since when it has held it, a sentence, and its figures. The whole is as bad as its worst part.
// The app answers it; the worker runs it every 15 s as well, so `since` stays right while no page
// is open.
import type { PublicClient } from "viem";

import type { Db } from "@/lib/db";
import { readListener, type ListenerKey } from "@/lib/events/listener";
import { readCounts } from "@/lib/stats/counts";

import {
  checkDatabase,
  checkJobQueue,
  checkRpc,
  checkSync,
  judgeFulfiller,
  judgeListener,
  type Check,
  type State,
} from "./checks";
import { heartbeatNames, readHeartbeats, type Heartbeat } from "./heartbeat";
import { recordStates } from "./states";

export const components = {
  database: "Database",
  rpc: "RPC",
  listener: "Event listener",
  job_queue: "Job queue",
  chainlink_fulfiller: "Chainlink fulfiller",
  sync: "Sync service",
} as const;

export type ComponentName = keyof typeof components;
export type ComponentStatus = Check & { label: string; since: string };
export type SystemStatus = {
  status: Exclude<State, "not_configured">;
  checked_at: string;
  components: Record<ComponentName, ComponentStatus>;
};

export type StatusDeps = {
  db: Db;
  client: PublicClient;
  chainId: number;
  listener: ListenerKey;
  isFulfillerConfigured: boolean;
};

const rank: Record<State, number> = { not_configured: 0, ok: 0, degraded: 1, down: 2 };

export async function getSystemStatus(d: StatusDeps, now = () => new Date()): Promise<SystemStatus> {
  const none = new Map<string, Heartbeat>();
  const [database, rpc, listener, heartbeats, counts] = await Promise.all([
    checkDatabase(d.db),
    checkRpc(d.client, d.chainId),
    readListener(d.db, d.listener).catch(() => undefined),
    readHeartbeats(d.db).catch(() => none),
    readCounts(d.db, ["sync_status"]).catch(() => ({}) as Awaited<ReturnType<typeof readCounts>>),
  ]);
  const at = now();
  const [jobQueue, sync] = await Promise.all([
    checkJobQueue(d.db, at),
    checkSync(d.db, counts.sync_status?.error?.n ?? 0, counts.sync_status?.out_of_sync?.n ?? 0),
  ]);
  const facts = listener
    ? {
        isActive: listener.isActive,
        lastBlock: listener.lastBlock,
        storedHead: listener.headBlock,
        lastError: listener.lastError,
      }
    : null;
  const { head, ...rpcCheck } = rpc;
  const checks: Record<ComponentName, Check> = {
    database,
    rpc: rpcCheck,
    listener: judgeListener(facts, heartbeats.get(heartbeatNames.listener), head, at),
    job_queue: jobQueue,
    chainlink_fulfiller: judgeFulfiller(d.isFulfillerConfigured, heartbeats.get(heartbeatNames.fulfiller), at),
    sync,
  };
  const since = await recordStates(d.db, Object.fromEntries(Object.entries(checks).map(([k, c]) => [k, c.state])), at);
  const worst = Math.max(...Object.values(checks).map((c) => rank[c.state]));
  return {
    status: worst === 2 ? "down" : worst === 1 ? "degraded" : "ok",
    checked_at: at.toISOString(),
    components: Object.fromEntries(
      (Object.keys(components) as ComponentName[]).map((name) => [
        name,
        { label: components[name], ...checks[name], since: (since[name] ?? at).toISOString() },
      ]),
    ) as Record<ComponentName, ComponentStatus>,
  };
}
