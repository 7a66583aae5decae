// A filter on the calendar days a time falls on, as the lists' `from` and `to` query parameters mean it.
import { and, sql, type Column } from "drizzle-orm";

/** `at` falls on a day from `from` to `to` (dates, UTC), both included; either may be left open. */
export const onDays = (at: Column, from: string | undefined, to: string | undefined) =>
  and(
    from === undefined ? undefined : sql`${at} >= ${from}::date`,
    to === undefined ? undefined : sql`${at} < ${to}::date + 1`,
  );
