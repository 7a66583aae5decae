// The outbox follows the audit log: each audited fact that webhooks carry (a chain event on a batch,
// a batch alert, an order or return transition) becomes one outbound event, in order, from a
// checkpoint. Audit positions are handed out under a lock, so they become visible in order and the
// checkpoint never skips one; an event's source is its position, so following twice adds nothing.
// Failed syncs are not audited: they are read from sync_history. Nothing here runs in a hot path.
import { sql } from "drizzle-orm";

import type { Db } from "@/lib/db";
import type { webhookEventTypes } from "@/lib/db/enums";

/** The audit actions followed, and the event type each becomes. */
export const followedActions: Record<string, (typeof webhookEventTypes)[number]> = {
  "chain.BatchCreated": "batch.created",
  "chain.BatchMinted": "batch.minted",
  "chain.BatchVerified": "batch.verified",
  "chain.BatchExpired": "batch.expired",
  "chain.BatchRedeemed": "batch.redeemed",
  "alert.raised": "alert.raised",
  "alert.resolved": "alert.resolved",
  "order.created": "order.created",
  "order.confirmed": "order.confirmed",
  "order.reserved": "order.reserved",
  "order.shipping": "order.shipping",
  "order.shipped": "order.shipped",
  "order.delivered": "order.delivered",
  "order.cancelled": "order.cancelled",
  "order.refunded": "order.refunded",
  "order.shipment_failed": "order.shipment_failed",
  "return.requested": "return.requested",
  "return.receiving": "return.receiving",
  "return.received": "return.received",
  "return.inspected": "return.inspected",
  "return.accepted": "return.deciding",
  "return.overridden": "return.deciding",
  "return.closed": "return.closed",
  "return.rejected": "return.rejected",
};

/** At most this many audit records a call. */
export const followPage = 5000;

/** Turns the audit records after the checkpoint into events and moves it; returns how many records and events. */
export async function followAudit(db: Db): Promise<{ records: number; events: number }> {
  const map = JSON.stringify(Object.entries(followedActions).map(([action, type]) => ({ action, type })));
  return db.transaction(async (tx) => {
    const { rows: state } = await tx.execute<{ audit_position: string }>(
      sql`select audit_position from outbox_state for update`,
    );
    const from = Number(state[0].audit_position);
    const { rows: range } = await tx.execute<{ last: string | null; n: number }>(sql`
      select max(position) as last, count(*)::int as n
        from (select position from audit_records where position > ${from} order by position limit ${followPage}) p`);
    if (range[0].last === null) return { records: 0, events: 0 };
    const to = Number(range[0].last);
    const inserted = await tx.execute(sql`
      insert into outbound_events (type, source, batch_id, severity, data, created_at)
      select m.type, 'audit:' || a.position, a.batch_id, al.severity,
             jsonb_strip_nulls(jsonb_build_object(
               'audit_position', a.position,
               'action', a.action,
               'subject', jsonb_build_object('entity', a.entity, 'id', a.entity_id),
               'actor', jsonb_build_object('kind', a.actor_kind, 'id', a.actor_id),
               'before', a.before,
               'after', a.after,
               'note', a.note,
               'tx_hash', a.tx_hash,
               'occurred_at', a.created_at,
               'batch', case when b.id is not null then jsonb_build_object('id', b.id, 'batch_code', b.batch_code) end,
               'alert', case when al.id is not null then jsonb_build_object(
                 'scope', 'batch', 'id', al.id, 'type', al.type, 'severity', al.severity, 'status', al.status,
                 'source', al.source, 'message', al.message, 'details', al.details,
                 'resolution_note', al.resolution_note) end)),
             -- Dated when it happened, not when followed: an endpoint registered in between gets none of it.
             a.created_at
        from audit_records a
        join jsonb_to_recordset(${map}::jsonb) as m(action text, type text) on m.action = a.action
        left join batches b on b.id = a.batch_id
        left join batch_alerts al on al.id = case when a.entity = 'alert' then a.entity_id::bigint end
       where a.position > ${from} and a.position <= ${to}
       order by a.position
      on conflict (source) do nothing`);
    await tx.execute(sql`update outbox_state set audit_position = ${to}`);
    return { records: range[0].n, events: inserted.rowCount ?? 0 };
  });
}

/** Failed syncs of the last hour become `sync.failed` events, once each (older ones are history). */
export async function followFailedSyncs(db: Db): Promise<number> {
  const inserted = await db.execute(sql`
    insert into outbound_events (type, source, batch_id, severity, data)
    select 'sync.failed', 'sync:' || s.id, s.batch_id, 'high',
           jsonb_strip_nulls(jsonb_build_object(
             'sync', jsonb_build_object('id', s.id, 'trigger', s.trigger, 'error', s.error,
               'total', s.total, 'checked', s.checked, 'failed', s.failed,
               'started_at', s.started_at, 'finished_at', s.finished_at),
             'batch', case when b.id is not null then jsonb_build_object('id', b.id, 'batch_code', b.batch_code) end))
      from sync_history s
      left join batches b on b.id = s.batch_id
     where s.status = 'failed' and s.finished_at > now() - interval '1 hour'
     order by s.id
    on conflict (source) do nothing`);
  return inserted.rowCount ?? 0;
}
