// The full reconciliation of every batch with the chain (lib/sync): on SYNC_CRON, and whenever the
// app enqueues a run (POST /api/sync). One at a time; a run stopped midway is simply run again.
import { syncQueue, type SyncJobData } from "@/lib/jobs/boss";
import { runSyncJob } from "@/lib/sync/job";

import { scheduled } from "../job";

export const sync = scheduled({
  name: syncQueue,
  summary: "reconciles every batch with the chain; also on demand from the app",
  cron: ({ env }) => env.SYNC_CRON,
  async handle(deps, job) {
    console.log(`[worker] ${await runSyncJob(deps.sync, { id: job.id, data: job.data as SyncJobData })}`);
  },
});
