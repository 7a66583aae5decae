// A batch's rows in one of its tables (alerts, checks, transactions), newest first.
import { desc, eq, type Column } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";

import type { Db, Tx } from "./index";

type OfBatch = PgTable & { id: Column; batchId: Column };

/** `newest` orders them (the id unless given); `limit` keeps the first so many. */
export async function listOfBatch<T extends OfBatch>(
  db: Db | Tx,
  table: T,
  batchId: number,
  { newest = table.id, limit }: { newest?: Column; limit?: number } = {},
): Promise<T["$inferSelect"][]> {
  const query = db
    .select()
    .from(table as PgTable)
    .where(eq(table.batchId, batchId))
    .orderBy(desc(newest));
  return (await (limit === undefined ? query : query.limit(limit))) as T["$inferSelect"][];
}
