// One attempt at one delivery, as a job runs it. The delivery row is the truth: a job whose attempt
// is not the row's next one (a duplicate, or stale after a redelivery) does nothing. The attempt is
// recorded with its request and answer; a 2xx succeeds, anything else schedules the next try with
// backoff until the 24 hours are up. An endpoint failing 20 times in a row is disabled, its pending
// deliveries cancelled, and a webhook_disabled system alert raised.
import { and, eq, sql } from "drizzle-orm";

import { raiseSystemAlert } from "@/lib/alerts/system";
import { ApiError } from "@/lib/api/errors";
import { recordAudit, statusChange } from "@/lib/audit/record";
import type { Db, Tx } from "@/lib/db";
import { outboundEvents, webhookAttempts, webhookDeliveries, webhookEndpoints } from "@/lib/db/schema";

import { checkWebhookUrl, vettedLookup } from "./address";
import { nowOf, type DeliveryJob, type WebhookDeps } from "./deps";
import { payloadOf } from "./payload";
import { disableAfterFailures, isSuccess, nextAttemptAt } from "./rules";
import { signingSecrets } from "./secret";
import { postOnce, type SendResult } from "./send";
import { webhookHeaders } from "./sign";

export type AttemptOutcome =
  | { skipped: string }
  | { status: "succeeded" | "pending" | "failed" | "cancelled"; result: SendResult; next: DeliveryJob | null };

async function load(db: Db, deliveryId: number) {
  const [row] = await db
    .select({ delivery: webhookDeliveries, endpoint: webhookEndpoints, event: outboundEvents })
    .from(webhookDeliveries)
    .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
    .innerJoin(outboundEvents, eq(outboundEvents.id, webhookDeliveries.eventId))
    .where(eq(webhookDeliveries.id, deliveryId));
  return row;
}

/** Sends attempt `job.attempt` of the delivery; returns what happened and the next job to enqueue, if any. */
export async function attemptDelivery(
  db: Db,
  deps: WebhookDeps,
  job: Pick<DeliveryJob, "deliveryId" | "attempt">,
): Promise<AttemptOutcome> {
  const row = await load(db, job.deliveryId);
  if (!row) return { skipped: "no such delivery" };
  const { delivery, endpoint, event } = row;
  if (delivery.status !== "pending") return { skipped: `delivery is ${delivery.status}` };
  if (delivery.attempts + 1 !== job.attempt) return { skipped: `attempt ${delivery.attempts + 1} is next` };
  // A paused endpoint holds its deliveries; resuming it lets the outbox's sweep send them.
  if (endpoint.status !== "active") return { skipped: `endpoint is ${endpoint.status}` };

  const now = nowOf(deps);
  const body = payloadOf(event);
  const headers = webhookHeaders(delivery.messageId, now, body, signingSecrets(endpoint, deps.sealKey, now));
  const allowPrivate = await deps.allowPrivate();
  let result: SendResult;
  try {
    const url = checkWebhookUrl(endpoint.url, { allowPrivate });
    const lookup = vettedLookup(allowPrivate, deps.resolve);
    result = await postOnce(url, headers, body, { timeoutMs: deps.timeoutMs, lookup });
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    result = { status: null, body: null, latencyMs: 0, error: error.message };
  }
  return record(db, deps, { delivery, endpoint, now, headers, body, result, attempt: job.attempt });
}

type Recording = {
  delivery: typeof webhookDeliveries.$inferSelect;
  endpoint: typeof webhookEndpoints.$inferSelect;
  now: Date;
  headers: Record<string, string>;
  body: string;
  result: SendResult;
  attempt: number;
};

async function record(db: Db, deps: WebhookDeps, r: Recording): Promise<AttemptOutcome> {
  const { delivery, endpoint, now, result, attempt } = r;
  const ok = isSuccess(result.status);
  const outcome = await db.transaction(async (tx) => {
    const [locked] = await tx
      .select({ attempts: webhookDeliveries.attempts, status: webhookDeliveries.status })
      .from(webhookDeliveries)
      .where(eq(webhookDeliveries.id, delivery.id))
      .for("update");
    if (locked.status !== "pending" || locked.attempts + 1 !== attempt) return null;
    await tx.insert(webhookAttempts).values({
      deliveryId: delivery.id,
      attempt,
      sentAt: now,
      requestHeaders: r.headers,
      requestBody: r.body,
      statusCode: result.status,
      responseBody: result.body,
      latencyMs: result.latencyMs,
      error: result.error,
    });
    const first = delivery.firstAttemptAt ?? now;
    const next = ok ? null : nextAttemptAt(first, attempt, now, deps.random);
    const status = ok ? ("succeeded" as const) : next ? ("pending" as const) : ("failed" as const);
    await tx
      .update(webhookDeliveries)
      .set({
        status,
        attempts: attempt,
        firstAttemptAt: first,
        nextAttemptAt: next,
        deliveredAt: ok ? now : null,
        lastStatusCode: result.status,
        lastLatencyMs: result.latencyMs,
        lastError: result.error ?? (ok ? null : `answered ${result.status}`),
      })
      .where(eq(webhookDeliveries.id, delivery.id));
    const [ep] = await tx
      .update(webhookEndpoints)
      .set({ failureStreak: ok ? 0 : sql`${webhookEndpoints.failureStreak} + 1` })
      .where(eq(webhookEndpoints.id, endpoint.id))
      .returning({ streak: webhookEndpoints.failureStreak, status: webhookEndpoints.status });
    const disable = !ok && ep.streak >= disableAfterFailures && ep.status === "active";
    if (disable) {
      // In the same transaction: a crash leaves the endpoint enabled and unalerted, or both done.
      await disableEndpoint(tx, endpoint.id, ep.streak, now);
      await raiseSystemAlert(tx, {
        type: "webhook_disabled",
        severity: "high",
        source: `webhook:${endpoint.id}`,
        message: `Webhook endpoint ${endpoint.id} (${endpoint.url}) was disabled after ${ep.streak} failed attempts in a row.`,
        details: {
          endpoint_id: endpoint.id,
          url: endpoint.url,
          streak: ep.streak,
          last_status_code: result.status,
          last_error: result.error,
        },
      });
    }
    return { status: disable ? ("cancelled" as const) : status, next };
  });
  if (!outcome) return { skipped: "another attempt recorded first" };
  const next =
    outcome.status === "pending" && outcome.next
      ? { deliveryId: delivery.id, attempt: attempt + 1, startAfter: outcome.next }
      : null;
  return { status: outcome.status, result, next };
}

async function disableEndpoint(tx: Tx, id: number, streak: number, now: Date) {
  const reason = `${streak} failed attempts in a row`;
  await tx
    .update(webhookEndpoints)
    .set({ status: "disabled", disabledReason: reason, disabledAt: now, updatedAt: now })
    .where(eq(webhookEndpoints.id, id));
  await tx
    .update(webhookDeliveries)
    .set({ status: "cancelled", nextAttemptAt: null, lastError: `endpoint disabled: ${reason}` })
    .where(and(eq(webhookDeliveries.endpointId, id), eq(webhookDeliveries.status, "pending")));
  await recordAudit(tx, {
    entity: "webhook_endpoint",
    entityId: id,
    action: "webhook.disabled",
    actor: { kind: "system", id: "webhooks" },
    ...statusChange("active", "disabled"),
    note: reason,
  });
}
