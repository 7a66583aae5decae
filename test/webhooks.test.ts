// Outbound webhooks against a real HTTP receiver on loopback and a real Postgres: Standard Webhooks
// signatures, retries with the same message id, secret rotation, disabling after repeated failure,
// and private addresses refused. Time is injected into each attempt rather than waited for.
import { eq } from "drizzle-orm";
import { Webhook } from "standardwebhooks";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

import { ApiError } from "@/lib/api/errors";
import { deriveSecretKey } from "@/lib/auth/secret-box";
import type { Db } from "@/lib/db";
import { outboundEvents, systemAlerts, webhookAttempts, webhookDeliveries, webhookEndpoints } from "@/lib/db/schema";
import { recordOutboundEvent } from "@/lib/outbox/record";
import { getSetting, setSetting } from "@/lib/settings/settings";
import { attemptDelivery, type AttemptOutcome } from "@/lib/webhooks/deliver";
import { redeliver, sendTestEvent } from "@/lib/webhooks/deliveries";
import type { DeliveryJob, WebhookDeps } from "@/lib/webhooks/deps";
import { createEndpoint, rotateSecret, updateEndpoint } from "@/lib/webhooks/endpoints";
import { createDeliveries } from "@/lib/webhooks/fanout";

import { createTestDb, type TestDb } from "./helpers/db";
import { startReceiver } from "./helpers/webhook-receiver";

const actor = { kind: "system" as const, id: "test" };
const sealKey = deriveSecretKey("webhooks-test-auth-secret-0123456789abcdef", "webhook-secret");
let t: TestDb;
let db: Db;
let receivers: Awaited<ReturnType<typeof startReceiver>>[] = [];
let sources = 0;

const deps = (now: Date, more: Partial<WebhookDeps> = {}): WebhookDeps => ({
  sealKey,
  allowPrivate: () => getSetting(db, "webhooks_allow_private"),
  enqueue: async () => {},
  now: () => now,
  random: () => 0.5,
  ...more,
});

async function receiver(statusFor?: (n: number) => number) {
  const r = await startReceiver({ statusFor });
  receivers.push(r);
  return r;
}

const register = (url: string, allowPrivate = true) =>
  createEndpoint(
    db,
    sealKey,
    { url, description: "test", event_types: ["batch.created"] },
    { allowPrivate, by: null, actor },
  );

/** A batch.created event, fanned out to the endpoints that want it; returns the first attempts' jobs. */
async function event(): Promise<DeliveryJob[]> {
  return db.transaction(async (tx) => {
    const id = await recordOutboundEvent(tx, {
      type: "batch.created",
      source: `test-event:${++sources}`,
      data: { batch: { id: sources, batch_code: `BT-${sources}` } },
    });
    const [row] = await tx.select().from(outboundEvents).where(eq(outboundEvents.id, id!));
    return createDeliveries(tx, [row]);
  });
}

/** Verifies as a receiver would, with the clock at `at` (the signature's timestamp must be within 5 minutes). */
function verifyAt(at: Date, secret: string, body: string, headers: Record<string, string>) {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(at);
  try {
    return new Webhook(secret).verify(body, headers);
  } finally {
    vi.useRealTimers();
  }
}

const next = (o: AttemptOutcome) => ("status" in o ? o.next : null);

beforeAll(async () => {
  t = await createTestDb();
  db = t.db;
});
afterAll(async () => t.drop());
beforeEach(async () => setSetting(db, "webhooks_allow_private", true, actor));
afterEach(async () => {
  await Promise.all(receivers.map((r) => r.close()));
  receivers = [];
  await db.update(webhookEndpoints).set({ status: "paused" });
});

describe("webhook delivery", () => {
  it("signs each delivery so the Standard Webhooks reference verification accepts it", async () => {
    const r = await receiver();
    const endpoint = await register(r.url);
    const [job] = await event();
    const now = new Date();
    const outcome = await attemptDelivery(db, deps(now), job);
    expect(outcome).toMatchObject({ status: "succeeded", next: null });
    expect(r.received).toHaveLength(1);
    const { headers, body } = r.received[0];
    const payload = verifyAt(now, endpoint.secret, body, headers) as { type: string; data: { batch: object } };
    expect(payload.type).toBe("batch.created");
    expect(payload.data.batch).toMatchObject({ batch_code: `BT-${sources}` });
    expect(headers["webhook-id"]).toBe(`msg_${await eventIdOf(job.deliveryId)}`);
    expect(() => verifyAt(now, `whsec_${Buffer.alloc(32, 7).toString("base64")}`, body, headers)).toThrow();
    expect(() => verifyAt(now, endpoint.secret, body.replace("BT-", "XX-"), headers)).toThrow();
  });

  it("retries a receiver failing 5 times with backoff, and the 6th try delivers with the same webhook-id", async () => {
    const r = await receiver((n) => (n <= 5 ? 500 : 200));
    const endpoint = await register(r.url);
    let [job] = await event();
    const start = new Date();
    let now = start;
    const statuses: string[] = [];
    for (let i = 0; i < 6; i++) {
      const outcome = await attemptDelivery(db, deps(now), job);
      statuses.push("status" in outcome ? outcome.status : outcome.skipped);
      const n = next(outcome);
      if (n) [job, now] = [n, n.startAfter];
    }
    expect(statuses).toEqual([...Array(5).fill("pending"), "succeeded"]);
    expect(r.received).toHaveLength(6);
    expect(new Set(r.received.map((x) => x.headers["webhook-id"])).size).toBe(1);
    const attempts = await db
      .select()
      .from(webhookAttempts)
      .where(eq(webhookAttempts.deliveryId, job.deliveryId))
      .orderBy(webhookAttempts.attempt);
    expect(attempts.map((a) => a.statusCode)).toEqual([500, 500, 500, 500, 500, 200]);
    const gaps = attempts.slice(1).map((a, i) => (a.sentAt.getTime() - attempts[i].sentAt.getTime()) / 1000);
    expect(gaps).toEqual([30, 60, 120, 240, 480]);
    const [delivery] = await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, job.deliveryId));
    expect(delivery).toMatchObject({ status: "succeeded", attempts: 6, lastStatusCode: 200, nextAttemptAt: null });
    const last = r.received[5];
    expect(verifyAt(now, endpoint.secret, last.body, last.headers)).toMatchObject({ type: "batch.created" });
    const [ep] = await db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, endpoint.id));
    expect(ep.failureStreak).toBe(0);
    // The job of an attempt already made (a duplicate) changes nothing.
    expect(await attemptDelivery(db, deps(now), { deliveryId: job.deliveryId, attempt: 3 })).toEqual({
      skipped: "delivery is succeeded",
    });
    expect(r.received).toHaveLength(6);
  });

  it("signs with the old and the new secret for 24 hours after a rotation, then with the new one only", async () => {
    const r = await receiver();
    const endpoint = await register(r.url);
    const rotatedAt = new Date();
    const { secret, previous_valid_until } = await rotateSecret(db, sealKey, endpoint.id, actor, rotatedAt);
    expect(new Date(previous_valid_until).getTime() - rotatedAt.getTime()).toBe(24 * 3600_000);
    expect(secret).not.toBe(endpoint.secret);

    const during = new Date(rotatedAt.getTime() + 3600_000);
    await attemptDelivery(db, deps(during), (await event())[0]);
    const overlap = r.received[0];
    expect(overlap.headers["webhook-signature"].split(" ")).toHaveLength(2);
    expect(verifyAt(during, endpoint.secret, overlap.body, overlap.headers)).toBeTruthy();
    expect(verifyAt(during, secret, overlap.body, overlap.headers)).toBeTruthy();

    const after = new Date(rotatedAt.getTime() + 24 * 3600_000 + 60_000);
    await attemptDelivery(db, deps(after), (await event())[0]);
    const later = r.received[1];
    expect(later.headers["webhook-signature"].split(" ")).toHaveLength(1);
    expect(verifyAt(after, secret, later.body, later.headers)).toBeTruthy();
    expect(() => verifyAt(after, endpoint.secret, later.body, later.headers)).toThrow();
  });

  it("disables an endpoint after 20 failures in a row, with one alert, and sends it nothing more", async () => {
    const r = await receiver(() => 500);
    const endpoint = await register(r.url);
    await db.update(webhookEndpoints).set({ failureStreak: 19 }).where(eq(webhookEndpoints.id, endpoint.id));
    const [first] = await event();
    const [waiting] = await event();
    const outcome = await attemptDelivery(db, deps(new Date()), first);
    expect(outcome).toMatchObject({ status: "cancelled", next: null });
    const [ep] = await db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, endpoint.id));
    expect(ep).toMatchObject({ status: "disabled", failureStreak: 20, disabledReason: "20 failed attempts in a row" });
    const alerts = await db
      .select()
      .from(systemAlerts)
      .where(eq(systemAlerts.source, `webhook:${endpoint.id}`));
    expect(alerts.map((a) => [a.type, a.status])).toEqual([["webhook_disabled", "open"]]);
    const [held] = await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, waiting.deliveryId));
    expect(held).toMatchObject({ status: "cancelled", nextAttemptAt: null });
    expect(await attemptDelivery(db, deps(new Date()), waiting)).toEqual({ skipped: "delivery is cancelled" });
    expect(await event()).toEqual([]);
    expect(r.received).toHaveLength(1);

    // Enabled again by an admin: the count starts over and the alert clears.
    const back = await updateEndpoint(db, endpoint.id, { status: "active" }, { allowPrivate: true, actor });
    expect(back).toMatchObject({ status: "active", failure_streak: 0, disabled_reason: null });
    const [cleared] = await db.select().from(systemAlerts).where(eq(systemAlerts.id, alerts[0].id));
    expect(cleared.status).toBe("resolved");
  });
});

describe("redelivery and test events", () => {
  it("redelivers a finished delivery with the same webhook-id, and refuses a pending one changing nothing", async () => {
    const r = await receiver();
    await register(r.url);
    const [job] = await event();
    const pending = await redeliver(db, job.deliveryId, actor).catch((e: ApiError) => e.code);
    expect(pending).toBe("conflict");
    const [before] = await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, job.deliveryId));
    expect(before).toMatchObject({ status: "pending", attempts: 0 });
    await attemptDelivery(db, deps(new Date()), job);
    const again = await redeliver(db, job.deliveryId, actor);
    expect(again.job).toMatchObject({ deliveryId: job.deliveryId, attempt: 2 });
    expect(await attemptDelivery(db, deps(new Date()), again.job)).toMatchObject({ status: "succeeded" });
    expect(r.received.map((x) => x.headers["webhook-id"])).toEqual([before.messageId, before.messageId]);
  });

  it("sends a test event to one active endpoint, and refuses a paused one", async () => {
    const r = await receiver();
    const endpoint = await register(r.url);
    const sent = await sendTestEvent(db, endpoint.id, actor);
    await attemptDelivery(db, deps(new Date()), sent.job);
    expect(r.received.map((x) => [x.headers["webhook-id"], JSON.parse(x.body).type])).toEqual([
      [sent.message_id, "webhook.test"],
    ]);
    await updateEndpoint(db, endpoint.id, { status: "paused" }, { allowPrivate: true, actor });
    const events = await db.$count(outboundEvents);
    expect(await sendTestEvent(db, endpoint.id, actor).catch((e: ApiError) => e.code)).toBe("conflict");
    expect(await db.$count(outboundEvents)).toBe(events);
  });
});

describe("private addresses", () => {
  const refused = [
    "http://127.0.0.1:9/hook",
    "http://10.0.0.1/hook",
    "http://[::1]:9/hook",
    "http://[::ffff:127.0.0.1]/hook",
    "http://localhost:9/hook",
    "http://169.254.169.254/latest",
    "http://0x7f.1/hook",
  ];

  it("are refused as endpoints with the setting off, and nothing is written", async () => {
    await setSetting(db, "webhooks_allow_private", false, actor);
    const before = await db.$count(webhookEndpoints);
    for (const url of refused) {
      const error = await register(url, await getSetting(db, "webhooks_allow_private")).catch((e: unknown) => e);
      expect(error, url).toBeInstanceOf(ApiError);
      expect((error as ApiError).code, url).toBe("rule_broken");
      expect((error as ApiError).message, url).toMatch(/^url: .*(loopback|private|not a public)/);
    }
    for (const url of ["ftp://example.com/x", "http://user:pw@example.com/x"])
      expect(await register(url, false).catch((e: ApiError) => e.code)).toBe("rule_broken");
    expect(await db.$count(webhookEndpoints)).toBe(before);
    expect((await register("https://hooks.example.com/in", false)).url).toBe("https://hooks.example.com/in");
  });

  it("are refused when sent to: a public name resolving to loopback never reaches it", async () => {
    const r = await receiver();
    await setSetting(db, "webhooks_allow_private", false, actor);
    await register(`http://hooks.example.com:${r.port}/hook`, false);
    const resolve = async () => [{ address: "127.0.0.1", family: 4 }];
    const [job] = await event();
    const outcome = await attemptDelivery(db, deps(new Date(), { resolve }), job);
    expect(outcome).toMatchObject({ status: "pending", result: { status: null } });
    expect("status" in outcome && outcome.result.error).toBe(
      "hooks.example.com resolves to 127.0.0.1, not a public address",
    );
    expect(r.received).toHaveLength(0);

    // Allowed, the same name reaches the receiver at the address the lookup gave.
    await setSetting(db, "webhooks_allow_private", true, actor);
    const again = await attemptDelivery(db, deps(new Date(), { resolve }), { deliveryId: job.deliveryId, attempt: 2 });
    expect(again).toMatchObject({ status: "succeeded" });
    expect(r.received).toHaveLength(1);
    expect(r.received[0].headers.host).toBe(`hooks.example.com:${r.port}`);
  });
});

async function eventIdOf(deliveryId: number) {
  const [d] = await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, deliveryId));
  return d.eventId;
}
