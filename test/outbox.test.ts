// The outbox: audited changes become outbound events once each, in order, from a checkpoint; system
// alerts bring their own events; and each event is delivered only to the active endpoints that asked
// for its type and existed when it happened.
import { asc, eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { raiseAlert } from "@/lib/alerts/raise";
import { raiseSystemAlert, resolveSystemAlert } from "@/lib/alerts/system";
import { recordAudit } from "@/lib/audit/record";
import { everything } from "@/lib/auth/scope";
import { deriveSecretKey } from "@/lib/auth/secret-box";
import type { Db } from "@/lib/db";
import { notifications, outboundEvents, users, webhookDeliveries, webhookEndpoints } from "@/lib/db/schema";
import { addNotifications } from "@/lib/notifications/fanout";
import { actOnOrder, createOrder } from "@/lib/orders/orders";
import { followAudit } from "@/lib/outbox/follow";
import { dispatchEvents } from "@/lib/webhooks/dispatch";
import { createEndpoint, updateEndpoint } from "@/lib/webhooks/endpoints";

import { createTestDb, type TestDb } from "./helpers/db";
import { insertBatches, insertBuyer, makeBatch } from "./helpers/factories";

const actor = { kind: "system" as const, id: "test" };
const sealKey = deriveSecretKey("outbox-test-auth-secret-0123456789abcdef", "webhook-secret");
let t: TestDb;
let db: Db;
let batchId: number;
let batchCode: string;

const eventsAfter = (id: number) =>
  db
    .select()
    .from(outboundEvents)
    .where(sql`${outboundEvents.id} > ${id}`)
    .orderBy(asc(outboundEvents.id));
const lastEventId = async () =>
  Number((await db.execute<{ id: string | null }>(sql`select max(id) as id from outbound_events`)).rows[0].id ?? 0);

beforeAll(async () => {
  t = await createTestDb();
  db = t.db;
  const [b] = await insertBatches(db, [makeBatch()]);
  [batchId, batchCode] = [b.id, b.batchCode];
  // Whatever the migration left behind is history: start from a caught-up outbox.
  await followAudit(db);
  await dispatchEvents(db);
});
afterAll(() => t.drop());

describe("the outbox", () => {
  it("turns audited changes into events once each, even when followed twice", async () => {
    const from = await lastEventId();
    const alertId = await db.transaction(async (tx) => {
      await recordAudit(tx, {
        entity: "batch",
        entityId: batchId,
        batchId,
        action: "chain.BatchCreated",
        actor: { kind: "wallet", id: "0xabc" },
        after: { tokenId: "1" },
        txHash: "0x01",
      });
      await recordAudit(tx, { entity: "batch", entityId: batchId, batchId, action: "batch.updated", actor });
      return raiseAlert(
        tx,
        { batchId, type: "fraud_risk", severity: "critical", source: "outbox-test", message: "Looks wrong" },
        actor,
      );
    });
    expect(await followAudit(db)).toMatchObject({ events: 2 });
    expect(await followAudit(db)).toEqual({ records: 0, events: 0 });
    const events = await eventsAfter(from);
    expect(events.map((e) => [e.type, e.batchId, e.severity])).toEqual([
      ["batch.created", batchId, null],
      ["alert.raised", batchId, "critical"],
    ]);
    expect(events[0].data).toMatchObject({
      action: "chain.BatchCreated",
      batch: { id: batchId, batch_code: batchCode },
      actor: { kind: "wallet", id: "0xabc" },
      tx_hash: "0x01",
    });
    expect(events[1].data).toMatchObject({
      alert: { scope: "batch", id: alertId, type: "fraud_risk", severity: "critical", message: "Looks wrong" },
    });
    // Dispatched, the alert reaches staff as a notification named by the batch's code.
    const [staff] = await db
      .insert(users)
      .values({ email: "outbox-staff@example.com", name: "Outbox Staff", role: "verifier" })
      .returning({ id: users.id });
    await dispatchEvents(db, addNotifications);
    const [note] = await db.select().from(notifications).where(eq(notifications.userId, staff.id));
    expect(note).toMatchObject({ title: `${batchCode}: fraud risk`, body: "Looks wrong", severity: "critical" });
    // Moving the checkpoint back (a crash before it moved) adds nothing either: sources are unique.
    await db.execute(sql`update outbox_state set audit_position = audit_position - 3`);
    expect(await followAudit(db)).toMatchObject({ records: 3, events: 0 });
  });

  it("carries an order's transitions", async () => {
    const buyerId = await insertBuyer(db, "Outbox Roasters", "0x00000000000000000000000000000000000000b1");
    const from = await lastEventId();
    const { id } = await createOrder(
      db,
      {
        buyer_id: buyerId,
        currency: "USD",
        lines: [{ batch_id: batchId, quantity_kg: "1", price_per_kg: "7.25" }],
      },
      { actor, userId: null, holdHours: 72 },
    );
    await actOnOrder(db, everything, id, "cancel", { actor, deps: {} as never });
    await followAudit(db);
    const events = await eventsAfter(from);
    expect(events.map((e) => [e.type, (e.data as { subject: object }).subject])).toEqual([
      ["order.created", { entity: "order", id: String(id) }],
      ["order.cancelled", { entity: "order", id: String(id) }],
    ]);
    expect(events[1].data).toMatchObject({ before: { status: "draft" }, after: { status: "cancelled" } });
  });

  it("takes a system alert's own events, and never a second one from its audited resolution", async () => {
    const [admin] = await db
      .insert(users)
      .values({ email: "outbox-admin@example.com", name: "Outbox Admin", role: "admin" })
      .returning();
    const from = await lastEventId();
    const id = await raiseSystemAlert(db, {
      type: "listener_lag",
      severity: "high",
      source: "outbox-test",
      message: "Behind",
    });
    await resolveSystemAlert(db, id!, "Caught up again", admin.id);
    await followAudit(db);
    const events = await eventsAfter(from);
    expect(events.map((e) => [e.type, e.source])).toEqual([
      ["alert.raised", `system_alert:${id}:raised`],
      ["alert.resolved", `system_alert:${id}:resolved`],
    ]);
    expect(events[1].data).toMatchObject({ alert: { scope: "system", resolution_note: "Caught up again" } });
  });

  it("delivers each event only to the active endpoints that asked for its type and existed before it", async () => {
    const opts = { allowPrivate: true, by: null, actor };
    const make = (url: string, types: ("batch.created" | "order.confirmed")[]) =>
      createEndpoint(db, sealKey, { url, description: "", event_types: types }, opts);
    const wants = await make("http://127.0.0.1:9/wants", ["batch.created"]);
    const other = await make("http://127.0.0.1:9/other", ["order.confirmed"]);
    const paused = await make("http://127.0.0.1:9/paused", ["batch.created"]);
    await updateEndpoint(db, paused.id, { status: "paused" }, opts);
    await dispatchEvents(db);

    await db.transaction((tx) =>
      recordAudit(tx, { entity: "batch", entityId: batchId, batchId, action: "chain.BatchCreated", actor }),
    );
    // Registered after the change but before the outbox follows it: the event is dated when it happened.
    const between = await make("http://127.0.0.1:9/between", ["batch.created"]);
    await followAudit(db);
    const later = await make("http://127.0.0.1:9/later", ["batch.created"]);
    const { events, jobs } = await dispatchEvents(db);
    expect(events).toBe(1);
    const deliveries = await db
      .select()
      .from(webhookDeliveries)
      .where(inArray(webhookDeliveries.endpointId, [wants.id, other.id, paused.id, between.id, later.id]));
    expect(deliveries.map((d) => d.endpointId)).toEqual([wants.id]);
    expect(jobs).toEqual([{ deliveryId: deliveries[0].id, attempt: 1, startAfter: deliveries[0].nextAttemptAt }]);
    expect(deliveries[0].messageId).toBe(`msg_${deliveries[0].eventId}`);
    // Dispatched once: the checkpoint moved.
    expect(await dispatchEvents(db)).toEqual({ events: 0, jobs: [] });
    await db.update(webhookEndpoints).set({ status: "paused" }).where(eq(webhookEndpoints.id, wants.id));
  });
});
