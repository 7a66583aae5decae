// Heartbeats: the worker's loops say they are alive, and whether their last step worked. A row
// is written at most every few seconds while nothing changes, and at once when the error does.
import { sql } from "drizzle-orm";

import type { Db } from "@/lib/db";

export const heartbeatNames = { listener: "listener", fulfiller: "chainlink_fulfiller" } as const;

export async function beat(db: Db, name: string, error: string | null = null, everySeconds = 5): Promise<void> {
  const message = error?.split("\n")[0].slice(0, 500) ?? null;
  await db.execute(sql`
    insert into heartbeats (name, beat_at, ok_at, error, error_at)
    values (${name}, now(), case when ${message}::text is null then now() end, ${message}, case when ${message}::text is not null then now() end)
    on conflict (name) do update set beat_at = now(), ok_at = coalesce(excluded.ok_at, heartbeats.ok_at), error = excluded.error, error_at = coalesce(excluded.error_at, heartbeats.error_at)
    where heartbeats.beat_at < now() - make_interval(secs => ${everySeconds}) or heartbeats.error is distinct from excluded.error`);
}

export type Heartbeat = {
  name: string;
  beat_at: Date;
  ok_at: Date | null;
  error: string | null;
  error_at: Date | null;
};

export async function readHeartbeats(db: Db): Promise<Map<string, Heartbeat>> {
  const { rows } = await db.execute<{
    name: string;
    beat_at: string;
    ok_at: string | null;
    error: string | null;
    error_at: string | null;
  }>(sql`select name, beat_at, ok_at, error, error_at from heartbeats`);
  const date = (v: string | null) => (v === null ? null : new Date(v));
  return new Map(
    rows.map((r) => [
      r.name,
      { name: r.name, beat_at: new Date(r.beat_at), ok_at: date(r.ok_at), error: r.error, error_at: date(r.error_at) },
    ]),
  );
}
