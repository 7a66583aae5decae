// The outbox's one writer for events that are not followed from the audit log (system alerts,
// failed syncs, test events): recorded in the caller's transaction, once per source.
import type { Db, Tx } from "@/lib/db";
import { type alertSeverities, type webhookEventTypes } from "@/lib/db/enums";
import { outboundEvents } from "@/lib/db/schema";

export type WebhookEventType = (typeof webhookEventTypes)[number];

export type NewOutboundEvent = {
  type: WebhookEventType;
  /** Where it came from, unique: recording the same source again adds nothing. */
  source: string;
  batchId?: number | null;
  severity?: (typeof alertSeverities)[number] | null;
  data: Record<string, unknown>;
};

/** Records the event unless its source already has one; returns its id, or null when it existed. */
export async function recordOutboundEvent(db: Db | Tx, event: NewOutboundEvent): Promise<number | null> {
  const [row] = await db
    .insert(outboundEvents)
    .values(event)
    .onConflictDoNothing({ target: outboundEvents.source })
    .returning({ id: outboundEvents.id });
  return row?.id ?? null;
}
