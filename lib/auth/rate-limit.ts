import { sql } from "drizzle-orm";

import type { Db } from "@/lib/db";

export type RateLimit = { isAllowed: boolean; retryAfterSeconds: number };

/** Counts one hit in the current fixed window; shared by every instance through Postgres. */
export async function hitRateLimit(db: Db, key: string, limit: number, windowSeconds: number): Promise<RateLimit> {
  const { rows } = await db.execute<{ count: number; retry_after: number }>(sql`
    insert into rate_limits (key, window_start, count)
    values (${key}, to_timestamp(floor(extract(epoch from now()) / ${windowSeconds}) * ${windowSeconds}), 1)
    on conflict (key, window_start) do update set count = rate_limits.count + 1
    returning count, ceil(extract(epoch from window_start + make_interval(secs => ${windowSeconds}) - now()))::int as retry_after`);
  const { count, retry_after } = rows[0];
  return { isAllowed: count <= limit, retryAfterSeconds: Math.max(1, retry_after) };
}
