import { desc, sql } from "drizzle-orm";

import type { Db } from "@/lib/db";
import { caughtMails } from "@/lib/db/schema";

/** What the local catcher received, newest first; `to` narrows to one recipient. */
export async function listCaughtMails(db: Db, opts: { to?: string; limit?: number } = {}) {
  return db
    .select()
    .from(caughtMails)
    .where(opts.to ? sql`${opts.to.toLowerCase()} = any(${caughtMails.rcptTo})` : undefined)
    .orderBy(desc(caughtMails.id))
    .limit(opts.limit ?? 100);
}
