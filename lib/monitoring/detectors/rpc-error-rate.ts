// The RPC node fails too many of the monitor's probes (collect.ts records one a run).
import { and, eq, gt, lte } from "drizzle-orm";

import { monitorSamples } from "@/lib/db/schema";

import type { Detector } from "../detector";

export const rpcRule = { windowMinutes: 10, minProbes: 5, maxErrorRate: 0.2 } as const;

export const rpcErrorRate: Detector = {
  name: "rpc_error_rate",
  alert: "system",
  rule: `At least ${rpcRule.minProbes} probes of the RPC node in the last ${rpcRule.windowMinutes} minutes, and too many of them failed.`,
  threshold: `errors / probes ≥ ${rpcRule.maxErrorRate}`,
  async detect({ db }, now) {
    const since = new Date(now.getTime() - rpcRule.windowMinutes * 60_000);
    const inWindow = and(
      eq(monitorSamples.metric, "rpc_probe"),
      gt(monitorSamples.takenAt, since),
      lte(monitorSamples.takenAt, now),
    );
    const rows = await db.select({ value: monitorSamples.value }).from(monitorSamples).where(inWindow);
    const errors = rows.filter((r) => Number(r.value) > 0).length;
    const rate = rows.length ? Math.round((errors / rows.length) * 1000) / 1000 : 0;
    const figures = { samples: rows.length, errors, rate, window_minutes: rpcRule.windowMinutes };
    if (rows.length < rpcRule.minProbes || rate < rpcRule.maxErrorRate) return { findings: [], figures };
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
