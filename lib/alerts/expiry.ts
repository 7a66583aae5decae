// Raises "expired" and "expiring_soon" alerts for minted, unredeemed batches, set-based: a page of
// candidates is selected, inserted and audited in one statement plus one audit write.
// No "server-only": the worker (plain Node) runs it; it inserts alerts in bulk and records them with recordAudit.
import { sql } from "drizzle-orm";
import { z } from "zod";

import { calendarDate } from "@/lib/api/zod";
import { recordAudit, type Actor } from "@/lib/audit/record";
import type { Db } from "@/lib/db";

export const EXPIRY_ACTOR: Actor = { kind: "system", id: "expiry-check" };
/** Expiring within this many days is "high" rather than "medium". */
export const EXPIRY_URGENT_DAYS = 7;
const PAGE = 5_000;

export const ZFlagExpiryOptions = z.object({
  /** The day to judge against (UTC); the database's current UTC date when omitted. */
  today: calendarDate().optional(),
  withinDays: z.number().int().min(0).max(3650).default(30),
});

export type FlagExpiryOptions = z.input<typeof ZFlagExpiryOptions>;
export type ExpiryResult = { checked: number; raised: number };

type Raised = { id: number; batch_id: number; type: string; severity: string; source: string; message: string };
type PageRow = { checked: number; last_expiry: string | null; last_id: string | null; raised: Raised[] };

/**
 * One page of candidates in (expiry_date, id) order, which batches_expiry_date_idx serves. A cause
 * (batch, type, source) already alerted, open or resolved, is not raised again: a resolved alert stays resolved.
 */
function flagPage(today: string | null, withinDays: number, after: { expiry: string; id: string } | null) {
  const cursor = after ? sql`and (b.expiry_date, b.id) > (${after.expiry}::date, ${after.id}::bigint)` : sql``;
  return sql`
    with params as (select coalesce(${today}::date, (now() at time zone 'UTC')::date) as today),
    candidates as (
      select b.id, b.batch_code, b.expiry_date, b.expiry_date - p.today as days_left
      from batches b cross join params p
      where b.token_id is not null and b.status <> 'redeemed' and b.expiry_date <= p.today + ${withinDays}::int ${cursor}
      order by b.expiry_date, b.id
      limit ${PAGE}
    ),
    flagged as (
      select id as batch_id,
        case when days_left < 0 then 'expired' else 'expiring_soon' end as type,
        case when days_left <= ${EXPIRY_URGENT_DAYS}::int then 'high' else 'medium' end as severity,
        case when days_left < 0 then 'expiry:' else 'expiring:' end || expiry_date::text as source,
        case when days_left < 0 then format('Batch %s expired on %s, %s.', batch_code, expiry_date, case when days_left = -1 then 'yesterday' else format('%s days ago', -days_left) end)
          else format('Batch %s expires on %s, %s.', batch_code, expiry_date, case days_left when 0 then 'today' when 1 then 'tomorrow' else format('in %s days', days_left) end) end as message,
        jsonb_build_object('expiry_date', expiry_date::text, 'days_left', days_left) as details
      from candidates
    ),
    inserted as (
      insert into batch_alerts (batch_id, type, severity, source, message, details)
      select f.batch_id, f.type, f.severity, f.source, f.message, f.details from flagged f
      where not exists (select 1 from batch_alerts a where a.batch_id = f.batch_id and a.type = f.type and a.source = f.source)
      order by f.batch_id
      on conflict (batch_id, type, source) where status = 'open' do nothing
      returning id, batch_id, type, severity, source, message
    )
    select (select count(*)::int from candidates) as checked,
      l.expiry_date::text as last_expiry, l.id::text as last_id,
      coalesce((select json_agg(i order by i.id) from inserted i), '[]'::json) as raised
    from (select 1) one
    left join lateral (select expiry_date, id from candidates order by expiry_date desc, id desc limit 1) l on true`;
}

/** Flags every minted, unredeemed batch past its expiry date or within `withinDays` of it. */
export async function flagExpiry(db: Db, options: FlagExpiryOptions = {}): Promise<ExpiryResult> {
  const { today, withinDays } = ZFlagExpiryOptions.parse(options);
  const result: ExpiryResult = { checked: 0, raised: 0 };
  let after: { expiry: string; id: string } | null = null;
  for (;;) {
    const page: PageRow = await db.transaction(async (tx) => {
      const { rows } = await tx.execute<PageRow>(flagPage(today ?? null, withinDays, after));
      const raised = rows[0].raised;
      await recordAudit(
        tx,
        ...raised.map((a) => ({
          entity: "alert",
          entityId: a.id,
          batchId: a.batch_id,
          action: "alert.raised",
          actor: EXPIRY_ACTOR,
          after: { type: a.type, severity: a.severity, message: a.message, source: a.source },
        })),
      );
      return rows[0];
    });
    result.checked += page.checked;
    result.raised += page.raised.length;
    if (page.checked < PAGE || page.last_expiry === null || page.last_id === null) return result;
    after = { expiry: page.last_expiry, id: page.last_id };
  }
}
