// The worker's handler for the sync queue: a run the API recorded, or the scheduled one, which
// records itself unless another run is under way.
import { eq } from "drizzle-orm";

import { syncHistory } from "@/lib/db/schema";
import type { SyncJobData } from "@/lib/jobs/boss";

import { runSync, type SyncConfig } from "./run";
import { startSync } from "./start";

export async function runSyncJob(c: SyncConfig, job: { id: string; data: SyncJobData }): Promise<string> {
  let syncId = job.data.syncId;
  if (syncId === undefined) {
    const started = await startSync(c.db, "schedule", async () => job.id);
    if (!started.isNew) return `skipped: sync #${started.sync.id} is ${started.sync.status}`;
    syncId = started.sync.id;
  }
  const [row] = await c.db.select({ status: syncHistory.status }).from(syncHistory).where(eq(syncHistory.id, syncId));
  if (row?.status !== "queued") return `skipped: sync #${syncId} is ${row?.status ?? "gone"}`;
  const done = await runSync(c, syncId);
  return `sync #${done.id}: ${done.checked} checked, ${done.updated} updated, ${done.imported} imported, ${done.flagged} flagged, ${done.failed} failed in ${done.durationMs} ms`;
}
