// A user's inbox: their notifications newest first, the unread count, and marking them read. Every
// function takes the user's id and touches only that user's rows.
import { and, count, desc, eq, inArray, isNull } from "drizzle-orm";

import { beforeCursor, pageByIdDesc } from "@/lib/api/cursor";
import type { Db } from "@/lib/db";
import { notifications } from "@/lib/db/schema";
import { rowJson } from "@/lib/json";

import { ZMarkRead, ZNotificationQuery, type MarkRead, type NotificationQuery } from "./schemas";

type Row = typeof notifications.$inferSelect;

export function toNotificationJson(n: Row) {
  return rowJson(n, ["id", "severity", "title", "body", "link", "readAt", "createdAt"]);
}
export type NotificationJson = ReturnType<typeof toNotificationJson>;

const mine = (userId: number) => eq(notifications.userId, userId);
const unread = isNull(notifications.readAt);

export async function countUnread(db: Db, userId: number): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(mine(userId), unread));
  return row?.n ?? 0;
}

/** One page of the user's notifications, newest first (`unread`: only those not read), and the unread count. */
export async function listNotifications(db: Db, userId: number, query: NotificationQuery) {
  const q = ZNotificationQuery.parse(query);
  const before = beforeCursor(notifications.id, q.cursor);
  const rows = await db
    .select()
    .from(notifications)
    .where(and(mine(userId), q.unread === "true" ? unread : undefined, before))
    .orderBy(desc(notifications.id))
    .limit(q.limit + 1);
  return { ...pageByIdDesc(rows, q.limit, (r) => r.id, toNotificationJson), unread: await countUnread(db, userId) };
}

/** Marks the given notifications (another user's ids are passed over) or all of the user's read. */
export async function markRead(db: Db, userId: number, input: MarkRead) {
  const which = ZMarkRead.parse(input);
  const rows = await db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(mine(userId), unread, "ids" in which ? inArray(notifications.id, which.ids) : undefined))
    .returning({ id: notifications.id });
  return { updated: rows.length, unread: await countUnread(db, userId) };
}
