// The figures detectors judge over time rather than at one moment: a probe of the RPC node (1 when
// it failed, 0 when it answered) and the batches disagreeing with the chain, one sample each a run.
import { monitorSamples } from "@/lib/db/schema";
import { readCounts } from "@/lib/stats/counts";
import { checkRpc } from "@/lib/system/checks";

import type { MonitorContext } from "./detector";

export async function collectSamples({ db, probe, listener }: MonitorContext, now: Date) {
  const rpc = await checkRpc(probe, listener.chainId);
  const counts = (await readCounts(db, ["sync_status"])).sync_status ?? {};
  const outOfSync = counts.out_of_sync?.n ?? 0;
  const error = counts.error?.n ?? 0;
  await db.insert(monitorSamples).values([
    {
      metric: "rpc_probe",
      value: rpc.state === "down" ? "1" : "0",
      details: { state: rpc.state, message: rpc.message, latency_ms: rpc.details.latency_ms },
      takenAt: now,
    },
    {
      metric: "sync_drift",
      value: String(outOfSync + error),
      details: { out_of_sync: outOfSync, error },
      takenAt: now,
    },
  ]);
}
