-- The off-chain dashboard: the recent-activity feed, the system status and exact stock values.

-- A transition table's whole row is an anonymous record, which Postgres cannot cast to the table's
-- row type (every insert into batches failed with "cannot cast type record to batches"); a ROW()
-- of its columns can be.
create or replace function count_rows() returns trigger language plpgsql as $$
declare
  rowtype text := format('%I.%I', tg_table_schema, tg_table_name);
  changes text := case tg_op
    when 'INSERT' then format('select 1 as sign, row(r.*)::%s as r from new_rows r', rowtype)
    when 'DELETE' then format('select -1 as sign, row(r.*)::%s as r from old_rows r', rowtype)
    else format('select 1 as sign, row(r.*)::%s as r from new_rows r union all select -1, row(r.*)::%s from old_rows r', rowtype, rowtype) end;
begin
  execute format($q$
    insert into count_deltas (dimension, value, n, kg, usd)
    select d.dimension, d.value, sum(c.sign), sum(c.sign * d.kg), sum(c.sign * d.usd)
    from (%s) c cross join lateral %I(c.r) d
    group by d.dimension, d.value
    having sum(c.sign) <> 0 or sum(c.sign * d.kg) <> 0 or sum(c.sign * d.usd) <> 0$q$, changes, tg_argv[0]);
  return null;
end $$;

-- Stock value: each batch's value is rounded to cents before it is summed, so the counters stay
-- exact however the rows are grouped into statements (an unrounded quantity × price has five
-- decimals, and rounding a statement's sum differs from summing rounded rows). The counters are
-- rebuilt from the rows under a lock that keeps writers out meanwhile.
create or replace function batch_dimensions(b batches) returns table (dimension text, value text, kg numeric, usd numeric) language plpgsql immutable as $$
declare
  dollars numeric := round(coalesce(b.quantity_kg * b.price_per_kg, 0), 2);
begin
  return query values ('all', 'all', b.quantity_kg, dollars), ('status', b.status, b.quantity_kg, dollars),
    ('verification_status', b.verification_status, b.quantity_kg, dollars), ('sync_status', b.sync_status, b.quantity_kg, dollars),
    ('origin_country', b.origin_country, b.quantity_kg, dollars), ('process', coalesce(b.process, 'none'), b.quantity_kg, dollars),
    ('warehouse', coalesce(b.warehouse, 'none'), b.quantity_kg, dollars), ('quality_grade', coalesce(b.quality_grade, 'none'), b.quantity_kg, dollars),
    ('risk_level', coalesce(b.risk_level, 'none'), b.quantity_kg, dollars);
  if b.status in ('active', 'verified', 'flagged') then
    return query values ('expiry_date', b.expiry_date::text, b.quantity_kg, dollars);
  end if;
end $$;

lock table batches, batch_alerts, verification_requests in share mode;
lock table counts, count_deltas in exclusive mode;
delete from count_deltas;
delete from counts;
insert into count_deltas (dimension, value, n, kg, usd)
select d.dimension, d.value, count(*), sum(d.kg), sum(d.usd) from batches b cross join lateral batch_dimensions(b) d group by 1, 2;
insert into count_deltas (dimension, value, n, kg, usd)
select d.dimension, d.value, count(*), 0, 0 from batch_alerts a cross join lateral alert_dimensions(a) d group by 1, 2;
insert into count_deltas (dimension, value, n, kg, usd)
select d.dimension, d.value, count(*), 0, 0 from verification_requests r cross join lateral request_dimensions(r) d group by 1, 2;
select fold_counts();

-- The feed reads each source newest first through one of these and merges them. Audit records that
-- repeat another source's row (an applied chain event, a raised alert, a requested verification)
-- are left out of the feed, and out of its index.
create index audit_records_feed_idx on audit_records (created_at, id)
  where action not like 'chain.%' and action not in ('alert.raised', 'verification.requested');
create index blockchain_events_created_idx on blockchain_events (created_at, id);
create index batch_alerts_created_idx on batch_alerts (created_at, id);
create index verification_requests_created_idx on verification_requests (created_at, id);
create index sync_history_created_idx on sync_history (created_at, id);

-- Each system component's state and since when it has held it: whoever checks (a status request)
-- records the state, and `since` moves only when the state changes.
create table component_states (
  component text primary key,
  state text not null check (state in ('ok', 'degraded', 'down', 'not_configured')),
  since timestamptz not null default now(),
  checked_at timestamptz not null default now()
);

-- The worker's loops report here: the listener after each round, the local Chainlink DON after
-- each step; `error` is the last step's failure, null once a step succeeds again.
create table heartbeats (
  name text primary key,
  beat_at timestamptz not null default now(),
  ok_at timestamptz,
  error text,
  error_at timestamptz
);
