// A batch whose reconciliation fails (seed 000's handle_sync_failure): it waits 30 s, 2 min, 8 min
// and 32 min (each with jitter) before the next runs try it again; the fifth failure marks its sync
// status `error` with the reason and raises an alert for a person.
import { eq } from "drizzle-orm";

import { raiseAlert } from "@/lib/alerts/raise";
import type { Tx } from "@/lib/db";
import { failureReason } from "@/lib/db/errors";
import { batches } from "@/lib/db/schema";
import { SYNC_ACTOR } from "@/lib/transactions/transactions";

import { recordResults } from "./results";

export const maxSyncAttempts = 5;

/** The wait before attempt `attempts + 1`: 30 s × 4^(attempts−1), between half and one and a half of it. */
export function syncBackoffMs(attempts: number, random = Math.random()): number {
  return Math.round(30_000 * 4 ** (attempts - 1) * (0.5 + random));
}

export async function recordSyncFailure(tx: Tx, syncId: number, row: typeof batches.$inferSelect, error: unknown) {
  const reason = failureReason(error).split("\n")[0].slice(0, 500);
  const attempts = row.syncAttempts + 1;
  const isGivenUp = attempts >= maxSyncAttempts;
  await tx
    .update(batches)
    .set({
      syncStatus: isGivenUp ? "error" : "out_of_sync",
      syncError: reason,
      syncAttempts: attempts,
      nextSyncAt: isGivenUp ? null : new Date(Date.now() + syncBackoffMs(attempts)),
      updatedAt: new Date(),
    })
    .where(eq(batches.id, row.id));
  await recordResults(tx, syncId, row, [
    { field: "batch", action: "failed", detail: `Attempt ${attempts} of ${maxSyncAttempts}: ${reason}` },
  ]);
  if (isGivenUp) {
    await raiseAlert(
      tx,
      {
        batchId: row.id,
        type: "sync_error",
        severity: "high",
        source: "sync:error",
        message: `Sync gave up on this batch after ${attempts} attempts: ${reason}`,
        details: { sync_id: syncId, attempts },
      },
      SYNC_ACTOR,
    );
  }
}
