// Turns outbound events into notifications for the users who subscribe to them (filled in by the
// notifications work; the outbox calls it in the transaction that dispatches the events).
import type { Tx } from "@/lib/db";
import type { outboundEvents } from "@/lib/db/schema";

export type OutboundEvent = typeof outboundEvents.$inferSelect;

/** Adds each user's notifications for these events; returns how many were added. */
export async function addNotifications(tx: Tx, events: OutboundEvent[]): Promise<number> {
  void tx;
  void events;
  return 0;
}
