// Which alerts a user hears of and how: the minimum severity, by email, in the inbox. One row per user
// once they save it; until then the defaults (lib/notifications/schemas.ts).
import { eq } from "drizzle-orm";

import type { Db } from "@/lib/db";
import { alertSubscriptions } from "@/lib/db/schema";

import { defaultSubscription, ZSubscription, type Subscription } from "./schemas";

export async function getSubscription(db: Db, userId: number): Promise<Subscription> {
  const [row] = await db.select().from(alertSubscriptions).where(eq(alertSubscriptions.userId, userId));
  if (!row) return defaultSubscription;
  return { min_severity: row.minSeverity, by_email: row.byEmail, in_inbox: row.inInbox };
}

export async function putSubscription(db: Db, userId: number, input: Subscription): Promise<Subscription> {
  const s = ZSubscription.parse(input);
  const values = { minSeverity: s.min_severity, byEmail: s.by_email, inInbox: s.in_inbox, updatedAt: new Date() };
  await db
    .insert(alertSubscriptions)
    .values({ userId, ...values })
    .onConflictDoUpdate({ target: alertSubscriptions.userId, set: values });
  return s;
}
