// The RPC node fails too many of the monitor's probes (collect.ts records one a run).
import { and, eq, gt, lte } from "drizzle-orm";

import { monitorSamples } from "@/lib/db/schema";

import type { Detector } from "../detector";

export const rpcWindowMinutes = 10;
export const rpcMinProbes = 5;
export const rpcMaxErrorRate = 0.2;

export const rpcErrorRate: Detector = {
  name: "rpc_error_rate",
  alert: "system",
  rule: `At least ${rpcMinProbes} probes of the RPC node in the last ${rpcWindowMinutes} minutes, and too many of them failed.`,
  threshold: `errors / probes ≥ ${rpcMaxErrorRate}`,
  async detect({ db }, now) {
    const since = new Date(now.getTime() - rpcWindowMinutes * 60_000);
    const rows = await db
      .select({ value: monitorSamples.value })
      .from(monitorSamples)
      .where(
        and(
          eq(monitorSamples.metric, "rpc_probe"),
          gt(monitorSamples.takenAt, since),
          lte(monitorSamples.takenAt, now),
        ),
      );
    const errors = rows.filter((r) => Number(r.value) > 0).length;
    const rate = rows.length ? Math.round((errors / rows.length) * 1000) / 1000 : 0;
    const figures = { samples: rows.length, errors, rate, window_minutes: rpcWindowMinutes };
    if (rows.length < rpcMinProbes || rate < rpcMaxErrorRate) return { findings: [], figures };
    return {
      figures,
      findings: [
        {
          source: "rpc",
          severity: "high",
          message: `${errors} of the last ${rows.length} RPC probes failed (${Math.round(rate * 100)}%).`,
          evidence: figures,
        },
      ],
    };
  },
};
