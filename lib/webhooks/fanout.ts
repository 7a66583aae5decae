// New outbound events become deliveries: one per active endpoint that asked for the event's type
// and existed when the event happened. A test event is delivered to its own endpoint only.
import { sql } from "drizzle-orm";

import type { Tx } from "@/lib/db";

import type { DeliveryJob } from "./deps";

type Event = { id: number; type: string };

/** Creates the deliveries of these events (once each); returns the jobs to enqueue after commit. */
export async function createDeliveries(tx: Tx, events: Event[]): Promise<DeliveryJob[]> {
  const ids = events.filter((e) => e.type !== "webhook.test").map((e) => e.id);
  if (!ids.length) return [];
  const { rows } = await tx.execute<{ id: string; next_attempt_at: Date }>(sql`
    insert into webhook_deliveries (endpoint_id, event_id, message_id, next_attempt_at)
    select e.id, ev.id, 'msg_' || ev.id, now()
      from outbound_events ev
      join webhook_endpoints e
        on e.status = 'active' and e.event_types @> array[ev.type] and e.created_at <= ev.created_at
     where ev.id = any(${`{${ids.join(",")}}`}::bigint[])
     order by ev.id, e.id
    on conflict (endpoint_id, event_id) do nothing
    returning id, next_attempt_at`);
  return rows.map((r) => ({ deliveryId: Number(r.id), attempt: 1, startAfter: new Date(r.next_attempt_at) }));
}
