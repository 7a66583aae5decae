// Notifications from alerts as the outbox dispatches them (outbound_events rows written here as it
// writes them): who gets which in the inbox by subscription, severity and scope; the unread count and
// marking read, each user only their own; and alert mail through a real SMTP catcher: one mail, a
// digest, nothing for the unsubscribed, pending while the server is down, failed when it refuses.
import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Db } from "@/lib/db";
import { notifications, organisations, outboundEvents, users } from "@/lib/db/schema";
import type { MailCatcher } from "@/lib/mail/catcher";
import { listCaughtMails } from "@/lib/mail/caught";
import { createMailer, type Mailer } from "@/lib/mail/mailer";
import { addNotifications } from "@/lib/notifications/fanout";
import { countUnread, listNotifications, markRead } from "@/lib/notifications/inbox";
import { giveUpMs, mailWindowMs, sendPendingMail } from "@/lib/notifications/mail";
import type { Subscription } from "@/lib/notifications/schemas";
import { getSubscription, putSubscription } from "@/lib/notifications/subscriptions";
import { freePort } from "@/scripts/lib/free-port";

import { createTestDb, type TestDb } from "./helpers/db";
import { insertBatches, makeBatch } from "./helpers/factories";
import { startTestMail } from "./helpers/mail";

type Severity = Subscription["min_severity"];
type Person = { name: string; role?: "admin" | "operator" | "verifier" | "viewer"; organisationId?: number };

async function addUser(db: Db, p: Person & { isPending?: boolean; isActive?: boolean }): Promise<number> {
  const [u] = await db
    .insert(users)
    .values({ ...p, email: `${p.name}@notifications.test`, role: p.role ?? "viewer" })
    .returning({ id: users.id });
  return u.id;
}

/** An `alert.raised` event as the outbox records it, dispatched to the inboxes; the event's id. */
async function raise(db: Db, a: { severity: Severity; message: string; batchId?: number; systemId?: number }) {
  const scope = a.batchId === undefined ? "system" : "batch";
  const [event] = await db
    .insert(outboundEvents)
    .values({
      type: "alert.raised",
      source: `test:${randomUUID()}`,
      batchId: a.batchId ?? null,
      severity: a.severity,
      // The shape lib/outbox/follow.ts writes: the batch beside the alert.
      data: {
        alert: {
          scope,
          id: a.systemId ?? 7,
          type: scope === "batch" ? "price_outlier" : "listener_lag",
          severity: a.severity,
          message: a.message,
        },
        ...(scope === "batch" && { batch: { id: a.batchId, batch_code: "NTF-0001" } }),
      },
    })
    .returning();
  const added = await db.transaction((tx) => addNotifications(tx, [event]));
  return { event, added };
}

const inboxOf = async (db: Db, userId: number) =>
  (await listNotifications(db, userId, { limit: 100 })).data.map((n) => n.body);

describe("the inbox", () => {
  let t: TestDb;
  const id: Record<string, number> = {};
  let batchId: number;

  beforeAll(async () => {
    t = await createTestDb();
    const [coop] = await t.db.insert(organisations).values({ name: "Coop", kind: "cooperative" }).returning();
    const [company] = await t.db.select().from(organisations).where(eq(organisations.kind, "operator"));
    for (const role of ["admin", "operator", "verifier", "viewer"] as const)
      id[role] = await addUser(t.db, { name: role, role });
    id.member = await addUser(t.db, { name: "member", role: "operator", organisationId: coop.id });
    id.colleague = await addUser(t.db, { name: "colleague", role: "viewer", organisationId: company.id });
    id.pending = await addUser(t.db, { name: "pending", role: "viewer", isPending: true });
    id.gone = await addUser(t.db, { name: "gone", role: "operator", isActive: false });
    id.mailOnly = await addUser(t.db, { name: "mailonly", role: "operator" });
    await putSubscription(t.db, id.operator, { min_severity: "low", by_email: false, in_inbox: true });
    await putSubscription(t.db, id.verifier, { min_severity: "medium", by_email: true, in_inbox: true });
    await putSubscription(t.db, id.member, { min_severity: "low", by_email: true, in_inbox: true });
    await putSubscription(t.db, id.mailOnly, { min_severity: "high", by_email: true, in_inbox: false });
    [{ id: batchId }] = await insertBatches(t.db, [makeBatch()]);
  });
  afterAll(() => t.drop());

  it("has the defaults until a user saves a subscription", async () => {
    expect(await getSubscription(t.db, id.admin)).toEqual({ min_severity: "high", by_email: false, in_inbox: true });
    expect(await getSubscription(t.db, id.verifier)).toEqual({
      min_severity: "medium",
      by_email: true,
      in_inbox: true,
    });
  });

  it("gives a high batch alert to every active staff user, never to a member, a pending or a deactivated user", async () => {
    const { event, added } = await raise(t.db, { severity: "high", message: "Price 10x the median", batchId });
    expect(added).toBe(6);
    for (const who of ["admin", "operator", "verifier", "viewer", "colleague"])
      expect(await inboxOf(t.db, id[who]), who).toEqual(["Price 10x the median"]);
    for (const who of ["member", "pending", "gone"]) expect(await inboxOf(t.db, id[who]), who).toEqual([]);
    const [n] = (await listNotifications(t.db, id.viewer, {})).data;
    expect(n).toMatchObject({ severity: "high", title: "NTF-0001: price outlier", link: `/batches/${batchId}#alerts` });
    // Email only: the mail is pending, and the inbox holds it as read, so it never counts as unread.
    const [mailOnly] = await t.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, id.mailOnly), eq(notifications.eventId, event.id)));
    expect(mailOnly.emailState).toBe("pending");
    expect(mailOnly.readAt).not.toBeNull();
    expect(await countUnread(t.db, id.mailOnly)).toBe(0);
  });

  it("keeps below-threshold alerts out, per subscription, and marks email pending only for those who asked", async () => {
    const { event } = await raise(t.db, { severity: "medium", message: "Expires in 20 days", batchId });
    const rows = await t.db.select().from(notifications).where(eq(notifications.eventId, event.id));
    const by = Object.fromEntries(rows.map((r) => [r.userId, r.emailState]));
    expect(by).toEqual({ [id.operator]: "none", [id.verifier]: "pending" });
    const { added } = await raise(t.db, { severity: "low", message: "Low note", batchId });
    expect(added).toBe(1);
    expect(await inboxOf(t.db, id.operator)).toContain("Low note");
  });

  it("gives system alerts to admins only", async () => {
    const { added } = await raise(t.db, { severity: "critical", message: "Listener 40 blocks behind", systemId: 42 });
    expect(added).toBe(1);
    const [n] = (await listNotifications(t.db, id.admin, { limit: 1 })).data;
    expect(n).toMatchObject({ body: "Listener 40 blocks behind", link: "/admin/system-alerts#alert-42" });
    for (const who of ["operator", "verifier", "viewer", "colleague", "member"])
      expect(await inboxOf(t.db, id[who]), who).not.toContain("Listener 40 blocks behind");
  });

  it("adds nothing for the same event twice, nor for other event types", async () => {
    const { event } = await raise(t.db, { severity: "critical", message: "Once only", batchId });
    const before = await t.db.$count(notifications);
    expect(await t.db.transaction((tx) => addNotifications(tx, [event, { ...event, type: "batch.minted" }]))).toBe(0);
    expect(await t.db.$count(notifications)).toBe(before);
    expect((await inboxOf(t.db, id.viewer)).filter((b) => b === "Once only")).toHaveLength(1);
  });

  it("pages newest first and filters unread", async () => {
    const all = await inboxOf(t.db, id.operator);
    const first = await listNotifications(t.db, id.operator, { limit: 2 });
    expect(first.data.map((n) => n.body)).toEqual(all.slice(0, 2));
    const second = await listNotifications(t.db, id.operator, { limit: 2, cursor: first.next_cursor! });
    expect(second.data.map((n) => n.body)).toEqual(all.slice(2, 4));
    expect(first.unread).toBe(all.length);
  });

  it("counts unread and marks read only the caller's own notifications", async () => {
    const theirs = (await listNotifications(t.db, id.admin, {})).data.map((n) => n.id);
    const mine = (await listNotifications(t.db, id.viewer, {})).data;
    const adminUnread = await countUnread(t.db, id.admin);
    expect(await countUnread(t.db, id.viewer)).toBe(mine.length);

    const r = await markRead(t.db, id.viewer, { ids: [mine[0].id, ...theirs] });
    expect(r).toEqual({ updated: 1, unread: mine.length - 1 });
    expect(await countUnread(t.db, id.admin)).toBe(adminUnread);
    const unread = await listNotifications(t.db, id.viewer, { unread: "true" });
    expect(unread.data.map((n) => n.id)).toEqual(mine.slice(1).map((n) => n.id));

    expect(await markRead(t.db, id.viewer, { all: true })).toEqual({ updated: mine.length - 1, unread: 0 });
    expect(await countUnread(t.db, id.admin)).toBe(adminUnread);
    expect(await markRead(t.db, id.viewer, { all: true })).toEqual({ updated: 0, unread: 0 });
  });

  it("refuses bad input and changes nothing", async () => {
    const before = await t.db.select().from(notifications).orderBy(notifications.id);
    await expect(markRead(t.db, id.viewer, { ids: [] })).rejects.toThrow();
    await expect(markRead(t.db, id.viewer, { ids: Array.from({ length: 101 }, (_, i) => i + 1) })).rejects.toThrow();
    await expect(markRead(t.db, id.viewer, { all: false } as never)).rejects.toThrow();
    await expect(
      putSubscription(t.db, id.viewer, { min_severity: "urgent", by_email: true, in_inbox: true } as never),
    ).rejects.toThrow();
    expect(await t.db.select().from(notifications).orderBy(notifications.id)).toEqual(before);
    expect(await getSubscription(t.db, id.viewer)).toEqual({ min_severity: "high", by_email: false, in_inbox: true });
  });
});

describe("alert mail", () => {
  let t: TestDb;
  let mail: { catcher: MailCatcher; mailer: Mailer };
  let batchId: number;
  const id: Record<string, number> = {};
  const appUrl = "http://batchtrail.test";
  const now = new Date();
  const later = (ms: number) => new Date(now.getTime() + ms);
  const to = (who: string) => `${who}@notifications.test`;
  const stateOf = async (userId: number) =>
    (await t.db.select().from(notifications).where(eq(notifications.userId, userId)).orderBy(notifications.id)).map(
      (n) => n.emailState,
    );

  beforeAll(async () => {
    t = await createTestDb();
    mail = await startTestMail(t.db);
    id.verifier = await addUser(t.db, { name: "verifier", role: "verifier" });
    id.viewer = await addUser(t.db, { name: "viewer", role: "viewer" });
    id.admin = await addUser(t.db, { name: "admin", role: "admin" });
    await putSubscription(t.db, id.verifier, { min_severity: "medium", by_email: true, in_inbox: true });
    await putSubscription(t.db, id.admin, { min_severity: "low", by_email: false, in_inbox: true });
    [{ id: batchId }] = await insertBatches(t.db, [makeBatch()]);
  });
  afterAll(async () => {
    await mail.catcher.stop();
    await t.drop();
  });

  it("sends one alert as one mail with its message and link; the unsubscribed get none", async () => {
    await raise(t.db, { severity: "high", message: "Price 10x the median", batchId });
    expect(await sendPendingMail(t.db, mail.mailer, { now, appUrl })).toEqual({ sent: 1, failed: 0, waiting: 0 });
    const mails = await listCaughtMails(t.db, { to: to("verifier") });
    expect(mails).toHaveLength(1);
    expect(mails[0].subject).toBe("[Batchtrail] High alert: Price 10x the median");
    expect(mails[0].textBody).toContain(`${appUrl}/batches/${batchId}#alerts`);
    expect(await listCaughtMails(t.db, { to: to("viewer") })).toEqual([]);
    expect(await listCaughtMails(t.db, { to: to("admin") })).toEqual([]);
    expect(await stateOf(id.verifier)).toEqual(["sent"]);
    // Sending again sends nothing more.
    expect(await sendPendingMail(t.db, mail.mailer, { now: later(60_000), appUrl })).toEqual({
      sent: 0,
      failed: 0,
      waiting: 0,
    });
  });

  it("holds five more alerts for the 10-minute window, then sends one digest naming all five", async () => {
    for (let i = 1; i <= 5; i++) await raise(t.db, { severity: "medium", message: `Alert number ${i}`, batchId });
    expect(await sendPendingMail(t.db, mail.mailer, { now: later(60_000), appUrl })).toEqual({
      sent: 0,
      failed: 0,
      waiting: 5,
    });
    expect(await listCaughtMails(t.db, { to: to("verifier") })).toHaveLength(1);
    expect(await sendPendingMail(t.db, mail.mailer, { now: later(mailWindowMs), appUrl })).toMatchObject({ sent: 5 });
    const [digest, ...older] = await listCaughtMails(t.db, { to: to("verifier") });
    expect(older).toHaveLength(1);
    expect(digest.subject).toBe("[Batchtrail] 5 alerts");
    for (let i = 1; i <= 5; i++)
      expect(digest.textBody).toContain(`[medium] NTF-0001: price outlier: Alert number ${i}`);
    expect(digest.textBody).toContain(`${appUrl}/inbox`);
    expect(await listCaughtMails(t.db, { to: to("admin") })).toEqual([]);
  });

  it("keeps the mail pending while the server is unavailable, and fails it after a day", async () => {
    const down = createMailer({ smtpUrl: `smtp://127.0.0.1:${await freePort()}`, from: "x@batchtrail.test" });
    await raise(t.db, { severity: "critical", message: "Audit chain broken", batchId });
    const hourLater = later(mailWindowMs + 3600_000);
    expect(await sendPendingMail(t.db, down, { now: hourLater, appUrl })).toEqual({ sent: 0, failed: 0, waiting: 1 });
    expect((await stateOf(id.verifier)).at(-1)).toBe("pending");
    expect(await sendPendingMail(t.db, down, { now: later(giveUpMs + 60_000), appUrl })).toEqual({
      sent: 0,
      failed: 1,
      waiting: 0,
    });
    expect((await stateOf(id.verifier)).at(-1)).toBe("failed");
    expect(await listCaughtMails(t.db, { to: to("verifier") })).toHaveLength(2);
  });

  it("fails the mail when the server refuses the recipient", async () => {
    const port = await freePort();
    const refusing = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      onRcptTo(_address, _session, done) {
        done(Object.assign(new Error("No such mailbox"), { responseCode: 550 }));
      },
    });
    await new Promise<void>((resolve) => refusing.listen(port, "127.0.0.1", resolve));
    try {
      const mailer = createMailer({ smtpUrl: `smtp://127.0.0.1:${port}`, from: "x@batchtrail.test" });
      await raise(t.db, { severity: "high", message: "Refused", batchId });
      expect(await sendPendingMail(t.db, mailer, { now: later(giveUpMs * 2), appUrl })).toEqual({
        sent: 0,
        failed: 1,
        waiting: 0,
      });
      const [last] = await t.db
        .select()
        .from(notifications)
        .where(and(eq(notifications.userId, id.verifier), eq(notifications.body, "Refused")));
      expect(last.emailState).toBe("failed");
    } finally {
      await new Promise<void>((resolve) => refusing.close(() => resolve()));
    }
  });
});
