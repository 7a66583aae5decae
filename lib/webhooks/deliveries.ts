// The delivery log: each endpoint's deliveries newest first, one delivery with its attempts, a
// manual redelivery (a fresh 24 hours of tries), and a test event sent to one endpoint.
import { randomUUID } from "node:crypto";
import { and, asc, desc, eq } from "drizzle-orm";

import { beforeCursor, pageByIdDesc } from "@/lib/api/cursor";
import { ApiError } from "@/lib/api/errors";
import { filterBy } from "@/lib/api/filters";
import { recordAudit, statusChange, type Actor } from "@/lib/audit/record";
import type { Db } from "@/lib/db";
import { outboundEvents, webhookAttempts, webhookDeliveries } from "@/lib/db/schema";
import { recordOutboundEvent } from "@/lib/outbox/record";

import type { DeliveryJob } from "./deps";
import { findEndpoint } from "./endpoints";
import { messageIdOf } from "./payload";
import { ZDeliveryQuery, type DeliveryQuery } from "./schemas";

const columns = { d: webhookDeliveries, type: outboundEvents.type };
type Row = { d: typeof webhookDeliveries.$inferSelect; type: (typeof outboundEvents.$inferSelect)["type"] };

const iso = (d: Date | null) => d?.toISOString() ?? null;

function toDeliveryJson({ d, type }: Row) {
  return {
    id: d.id,
    endpoint_id: d.endpointId,
    event_id: d.eventId,
    message_id: d.messageId,
    event_type: type,
    status: d.status,
    attempts: d.attempts,
    last_status_code: d.lastStatusCode,
    last_latency_ms: d.lastLatencyMs,
    last_error: d.lastError,
    next_attempt_at: iso(d.nextAttemptAt),
    first_attempt_at: iso(d.firstAttemptAt),
    delivered_at: iso(d.deliveredAt),
    created_at: d.createdAt.toISOString(),
  };
}
export type DeliveryJson = ReturnType<typeof toDeliveryJson>;

export async function listDeliveries(db: Db, endpointId: number, query: DeliveryQuery) {
  const q = ZDeliveryQuery.parse(query);
  await findEndpoint(db, endpointId);
  const before = beforeCursor(webhookDeliveries.id, q.cursor);
  const rows = await db
    .select(columns)
    .from(webhookDeliveries)
    .innerJoin(outboundEvents, eq(outboundEvents.id, webhookDeliveries.eventId))
    .where(and(eq(webhookDeliveries.endpointId, endpointId), filterBy(q, { status: webhookDeliveries.status }), before))
    .orderBy(desc(webhookDeliveries.id))
    .limit(q.limit + 1);
  return pageByIdDesc(rows, q.limit, (r) => r.d.id, toDeliveryJson);
}

async function findDelivery(db: Db, id: number): Promise<Row> {
  const [row] = await db
    .select(columns)
    .from(webhookDeliveries)
    .innerJoin(outboundEvents, eq(outboundEvents.id, webhookDeliveries.eventId))
    .where(eq(webhookDeliveries.id, id));
  if (!row) throw new ApiError("not_found", `There is no webhook delivery ${id}.`);
  return row;
}

/** One delivery with every attempt's request and answer. */
export async function getDelivery(db: Db, id: number) {
  const row = await findDelivery(db, id);
  const attempts = await db
    .select()
    .from(webhookAttempts)
    .where(eq(webhookAttempts.deliveryId, id))
    .orderBy(asc(webhookAttempts.attempt));
  return {
    ...toDeliveryJson(row),
    attempts: attempts.map((a) => ({
      attempt: a.attempt,
      sent_at: a.sentAt.toISOString(),
      request_headers: a.requestHeaders,
      request_body: a.requestBody,
      status_code: a.statusCode,
      response_body: a.responseBody,
      latency_ms: a.latencyMs,
      error: a.error,
    })),
  };
}

const mustBeActive = async (db: Db, endpointId: number) => {
  const endpoint = await findEndpoint(db, endpointId);
  if (endpoint.status !== "active")
    throw new ApiError("conflict", `Webhook endpoint ${endpointId} is ${endpoint.status}; make it active first.`, {
      status: endpoint.status,
    });
};

/** Sends a finished delivery again, with a fresh 24 hours of tries; 409 while it is still pending. */
export async function redeliver(db: Db, id: number, actor: Actor): Promise<{ job: DeliveryJob; id: number }> {
  const { d } = await findDelivery(db, id);
  if (d.status === "pending")
    throw new ApiError("conflict", `Webhook delivery ${id} is already pending; it is tried again on its own.`);
  await mustBeActive(db, d.endpointId);
  return db.transaction(async (tx) => {
    const now = new Date();
    const [row] = await tx
      .update(webhookDeliveries)
      .set({ status: "pending", nextAttemptAt: now, firstAttemptAt: null })
      .where(and(eq(webhookDeliveries.id, id), eq(webhookDeliveries.status, d.status)))
      .returning();
    if (!row) throw new ApiError("conflict", `Webhook delivery ${id} changed meanwhile; try again.`);
    await recordAudit(tx, {
      entity: "webhook_delivery",
      entityId: id,
      action: "webhook.redelivered",
      actor,
      ...statusChange(d.status, "pending"),
    });
    return { id, job: { deliveryId: id, attempt: row.attempts + 1, startAfter: now } };
  });
}

/** A `webhook.test` event delivered to this endpoint only. */
export async function sendTestEvent(db: Db, endpointId: number, actor: Actor) {
  await mustBeActive(db, endpointId);
  return db.transaction(async (tx) => {
    const eventId = await recordOutboundEvent(tx, {
      type: "webhook.test",
      source: `test:${randomUUID()}`,
      data: { endpoint_id: endpointId, message: "A test event from Batchtrail." },
    });
    if (eventId === null) throw new Error("a fresh test event's source was taken");
    const now = new Date();
    const [row] = await tx
      .insert(webhookDeliveries)
      .values({ endpointId, eventId, messageId: messageIdOf(eventId), nextAttemptAt: now })
      .returning();
    await recordAudit(tx, {
      entity: "webhook_endpoint",
      entityId: endpointId,
      action: "webhook.test_sent",
      actor,
      after: { delivery_id: row.id, message_id: row.messageId },
    });
    const job: DeliveryJob = { deliveryId: row.id, attempt: 1, startAfter: now };
    return { delivery_id: row.id, message_id: row.messageId, job };
  });
}
