// Starting a full reconciliation: at most one is queued or running. A second start gets the one
// that is; a run that has shown no sign of life for a while (its worker died) is closed first.
import { and, desc, eq, inArray, isNull, sql } from "drizzle-orm";

import type { Db } from "@/lib/db";
import { activeSyncRunStatuses, syncTriggers } from "@/lib/db/enums";
import { batches, syncHistory, syncResults } from "@/lib/db/schema";
import { rowJson } from "@/lib/json";

/** A queued or running sync untouched this long is taken for dead (a running one beats every page). */
export const staleAfterMs = 15 * 60_000;

type Trigger = Exclude<(typeof syncTriggers)[number], "batch">;

/**
 * Returns the active run, or records a new one and then enqueues it with `enqueue` (which returns
 * the job id). The row commits first, so the worker always finds the run its job names.
 */
export async function startSync(db: Db, trigger: Trigger, enqueue: (syncId: number) => Promise<string | null>) {
  const claimed = await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended('sync:start', 0))`);
    const [current] = await tx
      .select()
      .from(syncHistory)
      .where(and(isNull(syncHistory.batchId), inArray(syncHistory.status, activeSyncRunStatuses)));
    if (current && Date.now() - current.updatedAt.getTime() < staleAfterMs) return { sync: current, isNew: false };
    if (current) {
      await tx
        .update(syncHistory)
        .set({
          status: "failed",
          error: "Interrupted: no progress for 15 minutes (its worker stopped).",
          finishedAt: new Date(),
          updatedAt: new Date(),
        })
        .where(eq(syncHistory.id, current.id));
    }
    const [row] = await tx.insert(syncHistory).values({ trigger, status: "queued" }).returning();
    return { sync: row, isNew: true };
  });
  if (!claimed.isNew) return claimed;
  try {
    const jobId = await enqueue(claimed.sync.id);
    const [queued] = await db
      .update(syncHistory)
      .set({ jobId, updatedAt: new Date() })
      .where(eq(syncHistory.id, claimed.sync.id))
      .returning();
    return { sync: queued, isNew: true };
  } catch (error) {
    await db
      .update(syncHistory)
      .set({
        status: "failed",
        error: `Could not be queued: ${(error as Error).message}`,
        finishedAt: new Date(),
        updatedAt: new Date(),
      })
      .where(eq(syncHistory.id, claimed.sync.id));
    throw error;
  }
}

export function toSyncJson(s: typeof syncHistory.$inferSelect) {
  return rowJson(s, [
    "id",
    "jobId",
    "trigger",
    "batchId",
    "status",
    "fromBlock",
    "toBlock",
    "total",
    "checked",
    "updated",
    "imported",
    "flagged",
    "failed",
    "error",
    "startedAt",
    "finishedAt",
    "durationMs",
    "createdAt",
  ]);
}

export type SyncJson = ReturnType<typeof toSyncJson>;

/** The latest runs, newest first; `full`: only full reconciliations; `batchId`: that batch's own syncs. */
export async function listSyncs(
  db: Db,
  { limit = 20, batchId, full = false }: { limit?: number; batchId?: number; full?: boolean } = {},
): Promise<SyncJson[]> {
  const where = batchId ? eq(syncHistory.batchId, batchId) : full ? isNull(syncHistory.batchId) : undefined;
  const rows = await db.select().from(syncHistory).where(where).orderBy(desc(syncHistory.id)).limit(limit);
  return rows.map(toSyncJson);
}

/** One run with every difference it found and what it did. */
export async function getSync(db: Db, id: number) {
  const [row] = await db.select().from(syncHistory).where(eq(syncHistory.id, id));
  if (!row) return null;
  const results = await db
    .select({ r: syncResults, batchCode: batches.batchCode })
    .from(syncResults)
    .leftJoin(batches, eq(batches.id, syncResults.batchId))
    .where(eq(syncResults.syncId, id))
    .orderBy(syncResults.id)
    .limit(1_000);
  return {
    ...toSyncJson(row),
    results: results.map(({ r, batchCode }) => ({
      batch_id: r.batchId,
      batch_code: batchCode,
      token_id: r.tokenId,
      field: r.field,
      offchain: r.offchain,
      onchain: r.onchain,
      action: r.action,
      detail: r.detail,
    })),
  };
}
