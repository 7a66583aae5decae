// Keeps the analytics rollups (see the analytics migration): recomputes every bucket from the day
// of `from` on, plus the earlier days holding rows of batches whose origin, process, warehouse,
// quantity or counted state changed since, from indexed ranges, in one transaction under an
// advisory lock. Running it twice changes nothing.
import { sql } from "drizzle-orm";

import type { Db } from "@/lib/db";

/** Rows committed up to this long after a refresh started may carry earlier timestamps. */
export const safetyMarginMinutes = 15;

export type RefreshResult = { from: string; refreshedThrough: string; durationMs: number };

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/**
 * A source row's batch as the rollups count it, from the facts trackBatches has just brought up to
 * date: a narrow table the planner hashes for a wide window and looks up by key for a narrow one.
 */
const factsOf = (alias: string) => sql.raw(`join analytics_batch_facts b on b.batch_id = ${alias}.batch_id`);
const dims = sql.raw("b.origin_country, coalesce(b.process, 'none'), coalesce(b.warehouse, 'none')");
const dimColumns = sql.raw("origin_country, process, warehouse");

/** Where the window starts: the caller's `from`, else the watermark less the margin, else the oldest row. */
async function windowStart(tx: Tx, from?: Date): Promise<string> {
  if (from) return from.toISOString();
  const { rows } = await tx.execute<{ from: string }>(sql`
    select coalesce(
      (select refreshed_through - make_interval(mins => ${safetyMarginMinutes}) from analytics_state where id = 'rollups'),
      least((select min(created_at) from batches), (select min(block_time) from blockchain_events), (select min(processed_at) from verification_requests),
        (select min(created_at) from quality_checks), (select min(created_at) from fraud_assessments), (select min(created_at) from batch_alerts),
        (select min(finished_at) from sync_history)),
      now())::text as from`);
  return new Date(rows[0].from).toISOString();
}

/** Past this many edited batches, the tables trackBatches writes are analyzed as it ends. */
const wholesaleEdits = 10_000;

const facts = sql.raw(
  "b.origin_country, coalesce(b.process, 'none'), coalesce(b.warehouse, 'none'), b.quantity_kg, b.status not in ('draft', 'pending_mint')",
);

/**
 * Finds the batches edited since `from` in a way the rollups see (new to them, or another origin,
 * process, warehouse, quantity or counted state), pins removals seen since `from`, and lists the
 * days before the window whose stock changed.
 */
async function trackBatches(tx: Tx, from: string, fromDay: string) {
  await tx.execute(sql`create temp table analytics_old_days (day date primary key) on commit drop`);
  await tx.execute(sql`
    create temp table analytics_edited on commit drop as
    select b.id, f.batch_id is null as is_new from batches b left join analytics_batch_facts f on f.batch_id = b.id
    where b.updated_at >= ${from} and (f.batch_id is null or (f.origin_country, f.process, f.warehouse, f.quantity_kg, f.is_counted) is distinct from (${facts}))`);
  await tx.execute(sql`alter table analytics_edited add primary key (id)`);
  // Only a refresh writes the facts, one at a time (the lock above): a new batch's row is inserted
  // plainly, without the conflict check a million rows pay for on a first refresh.
  await tx.execute(sql`
    insert into analytics_batch_facts (batch_id, origin_country, process, warehouse, quantity_kg, is_counted)
    select b.id, ${facts} from analytics_edited e join batches b on b.id = e.id where e.is_new`);
  await tx.execute(sql`
    update analytics_batch_facts f set (origin_country, process, warehouse, quantity_kg, is_counted) = (${facts})
    from analytics_edited e join batches b on b.id = e.id where not e.is_new and f.batch_id = e.id`);
  await tx.execute(sql`
    with gone as (delete from analytics_removals r using batches b
      where b.id = r.batch_id and b.updated_at >= ${from} and b.status not in ('expired', 'redeemed') returning r.removed_at)
    insert into analytics_old_days select distinct removed_at::date from gone where removed_at < ${fromDay} on conflict do nothing`);
  // Removed when the chain's expiry or last redemption was mined (the batch's last change when no
  // event says so, as for an expiry recorded off chain); a day before the window is recomputed.
  await tx.execute(sql`
    with added as (
      insert into analytics_removals (batch_id, removed_at)
      select b.id, coalesce((select max(e.block_time) from blockchain_events e where e.token_id = b.token_id and e.chain_id = b.chain_id
          and e.name in ('BatchExpired', 'BatchRedeemed') and e.status = 'processed'), b.updated_at)
      from batches b where b.updated_at >= ${from} and b.status in ('expired', 'redeemed')
        and not exists (select from analytics_removals r where r.batch_id = b.id)
      returning removed_at)
    insert into analytics_old_days select distinct removed_at::date from added where removed_at < ${fromDay} on conflict do nothing`);
  await tx.execute(sql`
    insert into analytics_old_days
    select distinct day from (
      select b.created_at::date as day from analytics_edited e join batches b on b.id = e.id
      union all
      select r.removed_at::date from analytics_edited e join analytics_removals r on r.batch_id = e.id
    ) d where day < ${fromDay}::date on conflict do nothing`);
  // Temp tables have no statistics: without these the planner guesses them large and scans the sources.
  await tx.execute(sql`analyze analytics_edited`);
  await tx.execute(sql`analyze analytics_old_days`);
  // A catch-up (the first refresh above all) rewrites the batches' facts and removals wholesale;
  // planned on their old statistics, the next refreshes would read every batch to join a few.
  const { rows } = await tx.execute<{ edited: number }>(sql`select count(*)::int as edited from analytics_edited`);
  if (rows[0].edited > wholesaleEdits) {
    await tx.execute(sql`analyze analytics_batch_facts`);
    await tx.execute(sql`analyze analytics_removals`);
  }
}

async function refreshStock(tx: Tx, fromDay: string) {
  await tx.execute(
    sql`delete from analytics_stock_daily where day >= ${fromDay}::date or day in (select day from analytics_old_days)`,
  );
  await tx.execute(sql`
    insert into analytics_stock_daily (day, ${dimColumns}, minted_batches, minted_kg, removed_batches, removed_kg)
    select day, o, p, w, sum(mb), sum(mk), sum(rb), sum(rk) from (
      select b.created_at::date as day, ${dims}, 1 as mb, b.quantity_kg as mk, 0 as rb, 0::numeric as rk
        from batches b where b.created_at >= ${fromDay} and b.status not in ('draft', 'pending_mint')
      union all
      select d.day, ${dims}, 1, b.quantity_kg, 0, 0
        from analytics_old_days d join batches b on b.created_at >= d.day and b.created_at < d.day + 1
        where b.status not in ('draft', 'pending_mint')
      union all
      select r.removed_at::date, ${dims}, 0, 0, 1, b.quantity_kg
        from analytics_removals r ${factsOf("r")} where r.removed_at >= ${fromDay}
      union all
      select d.day, ${dims}, 0, 0, 1, b.quantity_kg
        from analytics_old_days d join analytics_removals r on r.removed_at >= d.day and r.removed_at < d.day + 1 ${factsOf("r")}
    ) x (day, o, p, w, mb, mk, rb, rk)
    group by day, o, p, w`);
  await tx.execute(
    sql`delete from analytics_stock_origin_daily where day >= ${fromDay}::date or day in (select day from analytics_old_days)`,
  );
  await tx.execute(sql`
    insert into analytics_stock_origin_daily (day, origin_country, minted_kg, removed_kg)
    select s.day, s.origin_country, sum(s.minted_kg), sum(s.removed_kg) from (
      select * from analytics_stock_daily where day >= ${fromDay}::date
      union all
      select s.* from analytics_old_days d join analytics_stock_daily s on s.day = d.day
    ) s group by 1, 2`);
}

/**
 * Rows of `source` in the window: from the window's first day on, plus the earlier days listed in
 * `days` (no overlap: those days are all before the window).
 */
const windowed = (source: string, column: string, days: string | null, fromDay: string) =>
  days === null
    ? sql`(select * from ${sql.identifier(source)} where ${sql.identifier(column)} >= ${fromDay})`
    : sql`(
  select * from ${sql.identifier(source)} where ${sql.identifier(column)} >= ${fromDay}
  union all
  select s.* from ${sql.identifier(days)} d join ${sql.identifier(source)} s on s.${sql.identifier(column)} >= d.day and s.${sql.identifier(column)} < d.day + 1
)`;

/** The earlier days on which an edited batch has rows in `source`: their buckets carry its old dimensions. */
async function listOldDays(tx: Tx, days: string, fromDay: string, sources: [string, string][]) {
  await tx.execute(sql`create temp table ${sql.identifier(days)} (day date primary key) on commit drop`);
  for (const [source, column] of sources) {
    await tx.execute(sql`
      insert into ${sql.identifier(days)} select distinct s.${sql.identifier(column)}::date from analytics_edited e join ${sql.identifier(source)} s on s.batch_id = e.id
      where s.${sql.identifier(column)} < ${fromDay} on conflict do nothing`);
  }
  const { rows } = await tx.execute<{ has: boolean }>(
    sql`select exists (select 1 from ${sql.identifier(days)}) as has`,
  );
  // Usually none: then the statements name only the window, and their plans stay on its index.
  const hasOld = rows[0].has;
  return {
    days: hasOld ? days : null,
    clear: (table: string) =>
      tx.execute(
        hasOld
          ? sql`delete from ${sql.identifier(table)} where day >= ${fromDay}::date or day in (select day from ${sql.identifier(days)})`
          : sql`delete from ${sql.identifier(table)} where day >= ${fromDay}::date`,
      ),
  };
}

/** Verification, quality, fraud and alert rollups: rows only ever inserted or set once, at the time they carry. */
async function refreshActivity(tx: Tx, fromDay: string) {
  const verification = await listOldDays(tx, "analytics_days_verification", fromDay, [
    ["verification_requests", "processed_at"],
  ]);
  await verification.clear("analytics_verification_daily");
  await tx.execute(sql`
    insert into analytics_verification_daily (day, ${dimColumns}, approved, rejected, discrepancy_kg, discrepancy_pct)
    select v.processed_at::date, ${dims}, count(*) filter (where v.status = 'approved'), count(*) filter (where v.status = 'rejected'),
      coalesce(sum(abs(v.discrepancy_kg)), 0), coalesce(sum(abs(v.discrepancy_pct)), 0)
    from ${windowed("verification_requests", "processed_at", verification.days, fromDay)} v ${factsOf("v")}
    where v.status in ('approved', 'rejected')
    group by 1, 2, 3, 4`);
  const quality = await listOldDays(tx, "analytics_days_quality", fromDay, [["quality_checks", "created_at"]]);
  await quality.clear("analytics_quality_daily");
  await tx.execute(sql`
    insert into analytics_quality_daily (day, ${dimColumns}, grade, checks)
    select q.created_at::date, ${dims}, q.grade, count(*)
    from ${windowed("quality_checks", "created_at", quality.days, fromDay)} q ${factsOf("q")}
    group by 1, 2, 3, 4, 5`);
  const fraud = await listOldDays(tx, "analytics_days_fraud", fromDay, [["fraud_assessments", "created_at"]]);
  await fraud.clear("analytics_fraud_daily");
  await fraud.clear("analytics_fraud_factors_daily");
  await tx.execute(sql`
    insert into analytics_fraud_daily (day, ${dimColumns}, risk_level, assessments, score_sum)
    select f.created_at::date, ${dims}, risk_level(f.score), count(*), sum(f.score)
    from ${windowed("fraud_assessments", "created_at", fraud.days, fromDay)} f ${factsOf("f")}
    group by 1, 2, 3, 4, 5`);
  await tx.execute(sql`
    insert into analytics_fraud_factors_daily (day, ${dimColumns}, factor, hits, points)
    select f.created_at::date, ${dims}, e->>'name', count(*), sum(round(p.points))
    from ${windowed("fraud_assessments", "created_at", fraud.days, fromDay)} f ${factsOf("f")}
      cross join lateral jsonb_array_elements(case when jsonb_typeof(f.factors) = 'array' then f.factors else '[]'::jsonb end) e
      cross join lateral (select case when e->>'points' ~ '^[0-9]+(\\.[0-9]+)?$' then (e->>'points')::numeric else 0 end as points) p
    where e->>'name' is not null and p.points > 0
    group by 1, 2, 3, 4, 5`);
  const alerts = await listOldDays(tx, "analytics_days_alerts", fromDay, [
    ["batch_alerts", "created_at"],
    ["batch_alerts", "resolved_at"],
  ]);
  await alerts.clear("analytics_alerts_daily");
  await tx.execute(sql`
    insert into analytics_alerts_daily (day, ${dimColumns}, type, opened, resolved)
    select day, o, p, w, type, sum(opened), sum(resolved) from (
      select a.created_at::date, ${dims}, a.type, 1, 0
        from ${windowed("batch_alerts", "created_at", alerts.days, fromDay)} a ${factsOf("a")}
      union all
      select a.resolved_at::date, ${dims}, a.type, 0, 1
        from ${windowed("batch_alerts", "resolved_at", alerts.days, fromDay)} a ${factsOf("a")}
    ) x (day, o, p, w, type, opened, resolved)
    group by day, o, p, w, type`);
}

async function isExpiryCurrent(tx: Tx): Promise<boolean> {
  const { rows } = await tx.execute<{ since: string; is_today: boolean }>(sql`
    select (refreshed_through - make_interval(mins => ${safetyMarginMinutes}))::text as since, refreshed_through::date = current_date as is_today
    from analytics_state where id = 'rollups'`);
  if (!rows[0]?.is_today) return false;
  // The time as a value, not a column, so the plan takes the updated-at index.
  const { rows: changed } = await tx.execute<{ has: boolean }>(
    sql`select exists (select 1 from batches where updated_at >= ${rows[0].since}::timestamptz) as has`,
  );
  return !changed[0].has;
}

async function refreshSystem(tx: Tx, from: string, fromDay: string) {
  // Events count at their block's time: a catch-up stores old blocks late, so the window reaches
  // back to the oldest block time among the events stored since `from`.
  const { rows } = await tx.execute<{ day: string }>(sql`
    select least(${fromDay}::timestamptz, (select date_trunc('day', min(block_time)) from blockchain_events where created_at >= ${from}))::text as day`);
  const eventsFrom = new Date(rows[0].day).toISOString();
  await tx.execute(sql`delete from analytics_events_hourly where hour >= ${eventsFrom}`);
  await tx.execute(sql`
    insert into analytics_events_hourly (hour, name, events)
    select date_trunc('hour', block_time), name, count(*) from blockchain_events where block_time >= ${eventsFrom} group by 1, 2`);
  await tx.execute(sql`delete from analytics_sync_hourly where hour >= ${fromDay}`);
  await tx.execute(sql`
    insert into analytics_sync_hourly (hour, runs, failed, lag_ms_sum, lag_ms_max, checked, updated, flagged)
    select date_trunc('hour', finished_at), count(*), count(*) filter (where status = 'failed'),
      sum(lag), max(lag), sum(checked), sum(updated), sum(flagged)
    from (select *, greatest(0, round(extract(epoch from finished_at - created_at) * 1000))::bigint as lag from sync_history
      where finished_at >= ${fromDay} and batch_id is null and status in ('succeeded', 'failed')) s
    group by 1`);
  // Expiry is a view of today's stock, not of history: rebuilt whole, from the expiry-date index,
  // unless the last refresh was today and no batch has changed since it.
  if (await isExpiryCurrent(tx)) return;
  await tx.execute(sql`delete from analytics_expiry`);
  await tx.execute(sql`
    insert into analytics_expiry (expiry_date, ${dimColumns}, batches, kg)
    select b.expiry_date, ${dims}, count(*), sum(b.quantity_kg) from batches b
    where b.expiry_date >= current_date and b.expiry_date <= current_date + 90 and b.status in ('active', 'verified', 'flagged')
    group by 1, 2, 3, 4`);
}

/**
 * Recomputes the rollups from `from` (default: the last refresh's start less a safety margin; on
 * the first run, the oldest row). Safe to run at any time, from any number of processes.
 */
export async function refreshAnalytics(db: Db, options: { from?: Date } = {}): Promise<RefreshResult> {
  const started = Date.now();
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended('analytics_refresh', 0))`);
    await tx.execute(sql`set local time zone 'UTC'`);
    // Compiling a plan costs more than running these small, index-bound statements.
    await tx.execute(sql`set local jit = off`);
    // A catch-up sorts and hashes a million rows: in memory, not in files (one refresh runs at a time).
    await tx.execute(sql`set local work_mem = '64MB'`);
    const from = await windowStart(tx, options.from);
    const fromDay = `${from.slice(0, 10)}T00:00:00Z`;
    await trackBatches(tx, from, fromDay);
    await refreshStock(tx, fromDay);
    await refreshActivity(tx, fromDay);
    await refreshSystem(tx, from, fromDay);
    const durationMs = Date.now() - started;
    const { rows } = await tx.execute<{ through: string }>(sql`
      insert into analytics_state (id, refreshed_through, refreshed_at, duration_ms) values ('rollups', now(), clock_timestamp(), ${durationMs})
      on conflict (id) do update set refreshed_through = excluded.refreshed_through, refreshed_at = excluded.refreshed_at, duration_ms = excluded.duration_ms
      returning refreshed_through::text as through`);
    return { from, refreshedThrough: new Date(rows[0].through).toISOString(), durationMs };
  });
}
