// The outbox's second half: events not yet dispatched become deliveries (and, through `alsoWith`,
// notifications) in one transaction that moves the dispatch checkpoint; the caller enqueues the
// jobs after commit. A delivery whose job was lost (a crash between commit and enqueue, a dropped
// job) is found by the sweep once it is a minute overdue and enqueued again.
import { and, asc, eq, gt, lt, sql } from "drizzle-orm";

import type { Db, Tx } from "@/lib/db";
import { outboundEvents, webhookDeliveries, webhookEndpoints } from "@/lib/db/schema";

import type { DeliveryJob } from "./deps";
import { createDeliveries } from "./fanout";

type Event = typeof outboundEvents.$inferSelect;

export const dispatchPage = 1000;
export const sweepAfterMs = 60_000;

/** Dispatches the next events after the checkpoint; returns how many, and the jobs to enqueue. */
export async function dispatchEvents(
  db: Db,
  alsoWith: (tx: Tx, events: Event[]) => Promise<unknown> = async () => 0,
): Promise<{ events: number; jobs: DeliveryJob[] }> {
  return db.transaction(async (tx) => {
    const { rows } = await tx.execute<{ dispatched_id: string }>(
      sql`select dispatched_id from outbox_state for update`,
    );
    const events = await tx
      .select()
      .from(outboundEvents)
      .where(gt(outboundEvents.id, Number(rows[0].dispatched_id)))
      .orderBy(asc(outboundEvents.id))
      .limit(dispatchPage);
    if (!events.length) return { events: 0, jobs: [] };
    const jobs = await createDeliveries(tx, events);
    await alsoWith(tx, events);
    await tx.execute(sql`update outbox_state set dispatched_id = ${events.at(-1)!.id}`);
    return { events: events.length, jobs };
  });
}

/** Pending deliveries of active endpoints more than a minute overdue: their jobs, to enqueue again. */
export async function staleDeliveries(db: Db, now = new Date()): Promise<DeliveryJob[]> {
  const rows = await db
    .select({ id: webhookDeliveries.id, attempts: webhookDeliveries.attempts })
    .from(webhookDeliveries)
    .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
    .where(
      and(
        eq(webhookDeliveries.status, "pending"),
        lt(webhookDeliveries.nextAttemptAt, new Date(now.getTime() - sweepAfterMs)),
        eq(webhookEndpoints.status, "active"),
      ),
    )
    .orderBy(asc(webhookDeliveries.nextAttemptAt))
    .limit(500);
  return rows.map((r) => ({ deliveryId: r.id, attempt: r.attempts + 1, startAfter: now }));
}
