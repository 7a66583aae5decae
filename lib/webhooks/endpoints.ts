// Webhook endpoints as admins register and change them. The secret is shown once, when created or
// rotated, and kept sealed; every change is audited (webhook.*), never with a secret. A disabled
// endpoint comes back by setting it active, which resets its failure count and clears its alert.
import { and, asc, eq } from "drizzle-orm";

import { clearSystemAlert } from "@/lib/alerts/system";
import { ApiError } from "@/lib/api/errors";
import { recordAudit, type Actor } from "@/lib/audit/record";
import { sealSecret, type SecretKey } from "@/lib/auth/secret-box";
import type { Db, Tx } from "@/lib/db";
import { systemAlerts, webhookEndpoints } from "@/lib/db/schema";
import { rowJson } from "@/lib/json";

import { checkWebhookUrl } from "./address";
import { ZEndpointChange, ZNewEndpoint, type EndpointChange, type NewEndpoint } from "./schemas";
import { newSecret, rotationOverlapMs } from "./secret";

type Row = typeof webhookEndpoints.$inferSelect;

export function toEndpointJson(e: Row) {
  return rowJson(e, [
    "id",
    "url",
    "description",
    "eventTypes",
    "status",
    "failureStreak",
    "disabledReason",
    "disabledAt",
    "previousSecretExpiresAt",
    "createdAt",
    "updatedAt",
  ]);
}
export type EndpointJson = ReturnType<typeof toEndpointJson>;

const audited = (e: Row) => ({ url: e.url, description: e.description, event_types: e.eventTypes, status: e.status });

const audit = (tx: Tx, id: number, action: string, actor: Actor, before: object | null, after: object | null) =>
  recordAudit(tx, { entity: "webhook_endpoint", entityId: id, action, actor, before, after });

export async function listEndpoints(db: Db): Promise<EndpointJson[]> {
  const rows = await db.select().from(webhookEndpoints).orderBy(asc(webhookEndpoints.id));
  return rows.map(toEndpointJson);
}

/** The endpoint locked for a change, or 404. */
async function lockEndpoint(tx: Tx, id: number): Promise<Row> {
  const [row] = await tx.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, id)).for("update");
  if (!row) throw new ApiError("not_found", `There is no webhook endpoint ${id}.`);
  return row;
}

export async function findEndpoint(db: Db | Tx, id: number): Promise<Row> {
  const [row] = await db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, id));
  if (!row) throw new ApiError("not_found", `There is no webhook endpoint ${id}.`);
  return row;
}

/** Registers an endpoint; the answer carries its secret, the only time it is shown. */
export async function createEndpoint(
  db: Db,
  key: SecretKey,
  input: NewEndpoint,
  opts: { allowPrivate: boolean; by: number | null; actor: Actor },
): Promise<EndpointJson & { secret: string }> {
  const e = ZNewEndpoint.parse(input);
  checkWebhookUrl(e.url, { allowPrivate: opts.allowPrivate });
  const secret = newSecret();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(webhookEndpoints)
      .values({
        url: e.url,
        description: e.description,
        eventTypes: e.event_types,
        secretSealed: sealSecret(secret, key),
        createdBy: opts.by,
      })
      .returning();
    await audit(tx, row.id, "webhook.created", opts.actor, null, audited(row));
    return { ...toEndpointJson(row), secret };
  });
}

/** Changes an endpoint's URL, description, event types or status (active or paused). */
export async function updateEndpoint(
  db: Db,
  id: number,
  change: EndpointChange,
  opts: { allowPrivate: boolean; actor: Actor },
): Promise<EndpointJson> {
  const c = ZEndpointChange.parse(change);
  if (c.url !== undefined) checkWebhookUrl(c.url, { allowPrivate: opts.allowPrivate });
  const { row, reenabled } = await db.transaction(async (tx) => {
    const before = await lockEndpoint(tx, id);
    const reenabled = before.status === "disabled" && c.status === "active";
    const [row] = await tx
      .update(webhookEndpoints)
      .set({
        url: c.url,
        description: c.description,
        eventTypes: c.event_types,
        status: c.status,
        updatedAt: new Date(),
        ...(reenabled ? { failureStreak: 0, disabledReason: null, disabledAt: null } : {}),
      })
      .where(eq(webhookEndpoints.id, id))
      .returning();
    const action = c.status && c.status !== before.status ? (c.status === "paused" ? "paused" : "resumed") : "updated";
    await audit(tx, id, `webhook.${action}`, opts.actor, audited(before), audited(row));
    return { row, reenabled };
  });
  if (reenabled) await clearDisabledAlert(db, id);
  return toEndpointJson(row);
}

async function clearDisabledAlert(db: Db, id: number) {
  const open = await db
    .select({ id: systemAlerts.id })
    .from(systemAlerts)
    .where(
      and(
        eq(systemAlerts.type, "webhook_disabled"),
        eq(systemAlerts.source, `webhook:${id}`),
        eq(systemAlerts.status, "open"),
      ),
    );
  for (const a of open) await clearSystemAlert(db, a.id, `Webhook endpoint ${id} was enabled again.`);
}

/** Pauses an endpoint (its deliveries wait until it is resumed); 409 when it is not active. */
export async function pauseEndpoint(db: Db, id: number, actor: Actor): Promise<EndpointJson> {
  const row = await findEndpoint(db, id);
  if (row.status !== "active")
    throw new ApiError("conflict", `Webhook endpoint ${id} is ${row.status}, not active.`, { status: row.status });
  return updateEndpoint(db, id, { status: "paused" }, { allowPrivate: true, actor });
}

/** A new secret; the old one keeps signing beside it for 24 hours. */
export async function rotateSecret(
  db: Db,
  key: SecretKey,
  id: number,
  actor: Actor,
  now = new Date(),
): Promise<{ secret: string; previous_valid_until: string }> {
  const secret = newSecret();
  const until = new Date(now.getTime() + rotationOverlapMs);
  await db.transaction(async (tx) => {
    const before = await lockEndpoint(tx, id);
    await tx
      .update(webhookEndpoints)
      .set({
        secretSealed: sealSecret(secret, key),
        previousSecretSealed: before.secretSealed,
        previousSecretExpiresAt: until,
        updatedAt: now,
      })
      .where(eq(webhookEndpoints.id, id));
    await audit(tx, id, "webhook.secret_rotated", actor, null, { previous_valid_until: until.toISOString() });
  });
  return { secret, previous_valid_until: until.toISOString() };
}
