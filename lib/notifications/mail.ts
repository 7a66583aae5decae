// Alert mail: each user's pending notifications (by_email on, severity at or above their minimum) go
// out at most once every 10 minutes. One pending and no alert mail in the last 10 minutes: a mail of
// its own. Otherwise, once 10 minutes have passed since the last, one digest of all pending. A
// recipient the server refuses is marked failed; while the server is unavailable they stay pending,
// and are failed once a day old.
import { and, asc, eq, max } from "drizzle-orm";

import { ApiError } from "@/lib/api/errors";
import type { Db, Tx } from "@/lib/db";
import { notifications, users } from "@/lib/db/schema";
import type { Mail, Mailer } from "@/lib/mail/mailer";

export const mailWindowMs = 10 * 60_000;
export const giveUpMs = 24 * 3600_000;

type Row = typeof notifications.$inferSelect;
export type MailRun = { sent: number; failed: number; waiting: number };

const oneLine = (s: string, max = 200) => {
  const line = s.replace(/\s+/g, " ").trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
};
const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The mail for one user's pending notifications: one alert on its own, or a digest of several. */
export function composeAlertMail(to: string, rows: Row[], appUrl: string): Mail {
  const url = (r: Row) => `${appUrl}${r.link}`;
  const footer = `\n\nYou get these because email is on in your alert notifications: ${appUrl}/account\n`;
  if (rows.length === 1) {
    const [r] = rows;
    return {
      to,
      subject: `[Batchtrail] ${capitalised(r.severity)} alert: ${oneLine(r.body)}`,
      text: `${r.title}\n\n${r.body}\n\nSeverity: ${r.severity}\nOpen it: ${url(r)}${footer}`,
    };
  }
  const lines = rows.map((r) => `- [${r.severity}] ${oneLine(r.title)}: ${oneLine(r.body, 500)}\n  ${url(r)}`);
  return {
    to,
    subject: `[Batchtrail] ${rows.length} alerts`,
    text: `${rows.length} alerts since the last mail, oldest first:\n\n${lines.join("\n")}\n\nYour inbox: ${appUrl}/inbox${footer}`,
  };
}

const setState = (tx: Tx, rows: Row[], set: Partial<Row>) =>
  Promise.all(rows.map((r) => tx.update(notifications).set(set).where(eq(notifications.id, r.id))));

/** One user's turn: returns what happened to their pending rows. */
async function mailUser(db: Db, mailer: Mailer, userId: number, now: Date, appUrl: string): Promise<MailRun> {
  return db.transaction(async (tx) => {
    const rows = await tx
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, userId), eq(notifications.emailState, "pending")))
      .orderBy(asc(notifications.id))
      .for("update", { skipLocked: true });
    if (!rows.length) return { sent: 0, failed: 0, waiting: 0 };
    const [user] = await tx.select({ email: users.email }).from(users).where(eq(users.id, userId));
    if (!user?.email) {
      await setState(tx, rows, { emailState: "failed" });
      return { sent: 0, failed: rows.length, waiting: 0 };
    }
    const [{ last }] = await tx
      .select({ last: max(notifications.emailedAt) })
      .from(notifications)
      .where(and(eq(notifications.userId, userId), eq(notifications.emailState, "sent")));
    if (last && now.getTime() - last.getTime() < mailWindowMs) return { sent: 0, failed: 0, waiting: rows.length };
    try {
      await mailer.send(composeAlertMail(user.email, rows, appUrl));
    } catch (error) {
      if (error instanceof ApiError && error.code === "rule_broken") {
        await setState(tx, rows, { emailState: "failed" });
        return { sent: 0, failed: rows.length, waiting: 0 };
      }
      const stale = rows.filter((r) => now.getTime() - r.createdAt.getTime() >= giveUpMs);
      await setState(tx, stale, { emailState: "failed" });
      return { sent: 0, failed: stale.length, waiting: rows.length - stale.length };
    }
    await setState(tx, rows, { emailState: "sent", emailedAt: now });
    return { sent: rows.length, failed: 0, waiting: 0 };
  });
}

/** Sends every user's due alert mail; returns how many notifications were sent, failed, and still wait. */
export async function sendPendingMail(
  db: Db,
  mailer: Mailer,
  { now = new Date(), appUrl }: { now?: Date; appUrl: string },
): Promise<MailRun> {
  const due = await db
    .selectDistinct({ userId: notifications.userId })
    .from(notifications)
    .where(eq(notifications.emailState, "pending"));
  const total: MailRun = { sent: 0, failed: 0, waiting: 0 };
  for (const { userId } of due) {
    const run = await mailUser(db, mailer, userId, now, appUrl.replace(/\/$/, ""));
    total.sent += run.sent;
    total.failed += run.failed;
    total.waiting += run.waiting;
  }
  return total;
}
