// The job queue: pg-boss, in the app's own Postgres (schema `pgboss`), so any number of app
// instances and workers share it and nothing else needs running. The worker works the jobs and
// keeps the schedule; the app only sends.
import PgBoss from "pg-boss";

export const syncQueue = "sync";
export const pruneQueue = "prune";
/** Folds the dashboard counters' deltas into their totals (lib/stats/counts.ts), every minute. */
export const foldQueue = "fold-counts";
export const analyticsQueue = "analytics";
export const anchorQueue = "anchor";
/** One attempt to deliver one webhook; the next attempt is a new job (lib/webhooks). */
export const webhookQueue = "webhook-delivery";

/** A full reconciliation: the run recorded in sync_history, or none for the scheduled one. */
export type SyncJobData = { syncId?: number };

export async function startBoss(connectionString: string, role: "worker" | "sender"): Promise<PgBoss> {
  const isWorker = role === "worker";
  const boss = new PgBoss({
    connectionString,
    max: isWorker ? 3 : 1,
    supervise: isWorker,
    schedule: isWorker,
    application_name: `batchtrail-${role}`,
  });
  boss.on("error", (error) => console.error(`[jobs] ${error.message}`));
  await boss.start();
  // A run stopped midway is not retried: the next start closes it (after 15 minutes without
  // progress) and runs afresh, every page being idempotent.
  await boss.createQueue(syncQueue, { name: syncQueue, retryLimit: 0, expireInSeconds: 3 * 3600 });
  await boss.createQueue(pruneQueue, { name: pruneQueue, retryLimit: 2 });
  // A missed fold costs nothing but a longer delta table until the next one: no retries, one at a time.
  await boss.createQueue(foldQueue, { name: foldQueue, policy: "singleton", retryLimit: 0, expireInSeconds: 300 });
  // Each refresh covers everything since the last one, so a failed run needs no retry: the next one catches up.
  await boss.createQueue(analyticsQueue, { name: analyticsQueue, retryLimit: 0, expireInSeconds: 1800 });
  // A failed send is retried with backoff; the next scheduled run would send the range again anyway.
  await boss.createQueue(anchorQueue, {
    name: anchorQueue,
    retryLimit: 3,
    retryDelay: 30,
    retryBackoff: true,
    expireInSeconds: 600,
  });
  // A job is one attempt, keyed by delivery and attempt number, so a double send is one job; the
  // delivery row is the truth and the outbox's sweep re-sends a lost one.
  await boss.createQueue(webhookQueue, {
    name: webhookQueue,
    policy: "short",
    retryLimit: 2,
    retryDelay: 10,
    expireInSeconds: 60,
  });
  return boss;
}

/** For startSync: enqueues the recorded run and returns the job's id. */
export const enqueueSync = (boss: PgBoss) => (syncId: number) => boss.send(syncQueue, { syncId } satisfies SyncJobData);
