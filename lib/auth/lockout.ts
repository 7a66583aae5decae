// Failed-guess limits per account *and* client: someone else's guesses never lock a user out of their own sign-in.
import { sql } from "drizzle-orm";

import type { Db } from "@/lib/db";

import { hitRateLimit } from "./rate-limit";

export const accountLimit = { attempts: 10, windowSeconds: 900 };
/** Sign-in attempts from one client address, whatever the account (lib/auth/auth.ts). */
export const signInRate = { attempts: 30, windowSeconds: 300 } as const;

const prefix = (identifier: string) => `sign-in:account:${identifier.toLowerCase()}:`;

/** One sign-in attempt at an account (email or wallet address) from one client address. */
export const hitAccountLimit = (db: Db, identifier: string, ip: string | null) =>
  hitRateLimit(db, `${prefix(identifier)}${ip ?? "unknown"}`, accountLimit.attempts, accountLimit.windowSeconds);

/** Whether any client is locked out of this account now. */
export async function isLockedOut(db: Db, identifiers: string[]): Promise<boolean> {
  if (!identifiers.length) return false;
  const { rows } = await db.execute<{ locked: boolean }>(sql`
    select exists (select 1 from rate_limits
      where (${sql.join(
        identifiers.map((i) => sql`starts_with(key, ${prefix(i)})`),
        sql` or `,
      )})
        and count > ${accountLimit.attempts}
        and window_start > now() - make_interval(secs => ${accountLimit.windowSeconds})) as locked`);
  return rows[0].locked;
}

/** Forgets the account's failed attempts from every client; returns how many lockouts were lifted. */
export async function liftLockout(db: Pick<Db, "execute">, identifiers: string[]): Promise<number> {
  if (!identifiers.length) return 0;
  const { rows } = await db.execute<{ count: number }>(sql`
    with gone as (delete from rate_limits where ${sql.join(
      identifiers.map((i) => sql`starts_with(key, ${prefix(i)})`),
      sql` or `,
    )} returning count)
    select count(*) filter (where count > ${accountLimit.attempts})::int as count from gone`);
  return rows[0].count;
}
