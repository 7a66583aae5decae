import { drizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import { Pool } from "pg";

import * as schema from "./schema";

export type Db = NodePgDatabase<typeof schema>;
/** A transaction on a Db: what `db.transaction(async (tx) => …)` hands its callback. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/** A Drizzle handle over its own pool; callers own its lifetime. */
export function createDb(url: string, max = 10): { db: Db; pool: Pool } {
  const pool = new Pool({ connectionString: url, max });
  // An idle connection dropped by a restarting server is replaced on next use; it must not crash us.
  pool.on("error", (error) => console.error(`[db] idle connection lost: ${error.message}`));
  return { db: drizzle(pool, { schema }), pool };
}
