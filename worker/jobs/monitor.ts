// The monitoring agent (lib/monitoring): every MONITOR_INTERVAL_SECONDS, and once the listener first
// catches up, it samples the RPC node and the sync drift, then runs every detector.
import { collectSamples } from "@/lib/monitoring/collect";
import type { MonitorContext } from "@/lib/monitoring/detector";
import { detectors } from "@/lib/monitoring/detectors";
import { runDetectors } from "@/lib/monitoring/run";

import type { WorkerDeps } from "../deps";
import { timer } from "../job";

const contextOf = (deps: WorkerDeps): MonitorContext => ({
  db: deps.db,
  chain: deps.chain,
  probe: deps.status.client,
  listener: deps.status.listener,
  isAnchoring: Boolean(deps.anchorer),
});

export const monitor = timer({
  name: "monitor",
  summary: "runs the monitoring agent's detectors: raises and clears their alerts, proposes actions",
  everyMs: ({ env }) => env.MONITOR_INTERVAL_SECONDS * 1000,
  also: ["caught-up"],
  async handle(deps) {
    const ctx = contextOf(deps);
    const now = new Date();
    await collectSamples(ctx, now);
    for (const run of await runDetectors(ctx, detectors, now)) {
      if (run.error) console.error(`[worker] detector ${run.name} failed: ${run.error}`);
      else if (run.raised || run.cleared)
        console.log(`[worker] detector ${run.name}: ${run.raised} raised, ${run.cleared} cleared`);
    }
  },
});
