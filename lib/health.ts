import "server-only";

import { sql } from "drizzle-orm";

import type { Db } from "@/lib/db";

/** Whether the database answers, and how far the indexer has come. */
export async function getHealth(db: Db) {
  const { rows } = await db.execute<{ indexed_block: string | null }>(
    sql`select max(last_block)::text as indexed_block from listener_state`,
  );
  return { status: "ok" as const, database: "up" as const, indexed_block: rows[0]?.indexed_block ?? null };
}
