// Rows that only matter for a while: rate-limit windows (the longest is 15 minutes), SIWE nonces
// past their expiry, and Chainlink nonces older than any call could be (a call's signed timestamp
// must be within 5 minutes, so an older nonce can never be replayed), and refused Chainlink calls
// past their retention window (anyone can send them; signed ones stay in the audit log). Pruned
// hourly by the worker. Trace page visitors (keyed hashes) matter for the cloned-label rule's hour only;
// the monitor's samples for its 30-minute windows.
import { sql } from "drizzle-orm";

import type { Db } from "@/lib/db";

/** How long a refused Chainlink call stays in chainlink_calls, for the operator to look into. */
export const refusedCallRetentionDays = 14;

export type Pruned = {
  rate_limits: number;
  siwe_nonces: number;
  chainlink_nonces: number;
  refused_chainlink_calls: number;
  trace_scan_clients: number;
  monitor_samples: number;
};

export async function pruneExpired(db: Db): Promise<Pruned> {
  const count = async (query: ReturnType<typeof sql>) => (await db.execute(query)).rowCount ?? 0;
  return {
    rate_limits: await count(sql`delete from rate_limits where window_start < now() - interval '1 day'`),
    siwe_nonces: await count(sql`delete from siwe_nonces where expires_at < now() - interval '1 day'`),
    chainlink_nonces: await count(sql`delete from chainlink_nonces where seen_at < now() - interval '1 hour'`),
    trace_scan_clients: await count(sql`delete from trace_scan_clients where hour < now() - interval '1 day'`),
    monitor_samples: await count(sql`delete from monitor_samples where taken_at < now() - interval '1 day'`),
    refused_chainlink_calls: await count(
      sql`delete from chainlink_calls where outcome = 'refused' and created_at < now() - make_interval(days => ${refusedCallRetentionDays})`,
    ),
  };
}
