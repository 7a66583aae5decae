-- The inventory and the dashboard at a million batches: the latest quality grade and fraud risk
-- kept on each batch (so they filter and sort through an index), indexes for every filter and
-- sort, and counters the dashboard reads instead of scanning.

alter table batches add column quality_grade text check (quality_grade in ('specialty', 'premium', 'exchange', 'below_standard'));
alter table batches add column risk_score integer check (risk_score between 0 and 100);
alter table batches add column risk_level text check (risk_level in ('low', 'medium', 'high', 'critical'));

create function risk_level(score integer) returns text language sql immutable as $$
  select case when score is null then null when score >= 75 then 'critical' when score >= 50 then 'high' when score >= 25 then 'medium' else 'low' end
$$;

-- The newest check and assessment win: rows are only ever inserted, in order.
create function batches_take_quality_grade() returns trigger language plpgsql as $$
begin
  update batches set quality_grade = new.grade where id = new.batch_id;
  return null;
end $$;

create function batches_take_risk() returns trigger language plpgsql as $$
begin
  update batches set risk_score = new.score, risk_level = risk_level(new.score) where id = new.batch_id;
  return null;
end $$;

create trigger quality_checks_grade_batch after insert on quality_checks
  for each row execute function batches_take_quality_grade();
create trigger fraud_assessments_risk_batch after insert on fraud_assessments
  for each row execute function batches_take_risk();

update batches b set quality_grade = q.grade
  from (select distinct on (batch_id) batch_id, grade from quality_checks order by batch_id, id desc) q
  where q.batch_id = b.id;
update batches b set risk_score = f.score, risk_level = risk_level(f.score)
  from (select distinct on (batch_id) batch_id, score from fraud_assessments order by batch_id, id desc) f
  where f.batch_id = b.id;

create index batches_quality_grade_idx on batches (quality_grade, id);
create index batches_risk_level_idx on batches (risk_level, id);
create index batches_risk_score_idx on batches (risk_score, id);
create index batches_cupping_score_idx on batches (cupping_score, id);
create index batches_batch_code_id_idx on batches (batch_code, id);
create index batches_token_id_idx on batches (token_id, id);
create index batches_updated_at_idx on batches (updated_at, id);
-- The expiry windows: sellable stock, by expiry date.
create index batches_sellable_expiry_idx on batches (expiry_date, id) where status in ('active', 'verified', 'flagged');
-- Alerts looked up by batch whatever their status (the open-only index serves only open ones).
create index batch_alerts_batch_idx on batch_alerts (batch_id, type, source);

-- Counters: how many rows, kilograms and dollars per value of each dimension. Triggers only
-- append signed deltas (no hot row, no lock between writers); `fold_counts()` moves them into
-- `counts` and readers sum both, so a read is always exact and never scans the big tables.
create table counts (
  dimension text not null,
  value text not null,
  n bigint not null default 0,
  kg numeric(20, 3) not null default 0,
  usd numeric(24, 2) not null default 0,
  primary key (dimension, value)
);

create table count_deltas (
  id bigint generated always as identity primary key,
  dimension text not null,
  value text not null,
  n bigint not null,
  kg numeric(20, 3) not null,
  usd numeric(24, 2) not null
);

-- What each row counts towards: (dimension, value, kg, usd). A batch counts once per dimension
-- (expiry days only while its coffee can still be sold); alerts while open; requests by status.
create function batch_dimensions(b batches) returns table (dimension text, value text, kg numeric, usd numeric) language plpgsql immutable as $$
declare
  -- Rounded to the cent per batch, so sums stay exact however rows are grouped into statements.
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

create function alert_dimensions(a batch_alerts) returns table (dimension text, value text, kg numeric, usd numeric) language plpgsql immutable as $$
begin
  if a.status = 'open' then
    return query values ('open_alerts', a.type, 0::numeric, 0::numeric), ('open_alert_severity', a.severity, 0::numeric, 0::numeric);
  end if;
end $$;

create function request_dimensions(r verification_requests) returns table (dimension text, value text, kg numeric, usd numeric) language plpgsql immutable as $$
begin
  return query values ('verification_requests', r.status, 0::numeric, 0::numeric);
end $$;

-- One statement's changes as signed deltas: +1 for each new row, -1 for each old one, netted.
-- tg_argv[0] names the table's dimensions function.
create function count_rows() returns trigger language plpgsql as $$
declare
  added text := format('select 1 as sign, row(r.*)::%I as r from new_rows r', tg_table_name);
  removed text := format('select -1 as sign, row(r.*)::%I as r from old_rows r', tg_table_name);
  changes text := case tg_op when 'INSERT' then added when 'DELETE' then removed else added || ' union all ' || removed end;
begin
  execute format($q$
    insert into count_deltas (dimension, value, n, kg, usd)
    select d.dimension, d.value, sum(c.sign), sum(c.sign * d.kg), sum(c.sign * d.usd)
    from (%s) c cross join lateral %I(c.r) d
    group by d.dimension, d.value
    having sum(c.sign) <> 0 or sum(c.sign * d.kg) <> 0 or sum(c.sign * d.usd) <> 0$q$, changes, tg_argv[0]);
  return null;
end $$;

create trigger batches_count_insert after insert on batches referencing new table as new_rows
  for each statement execute function count_rows('batch_dimensions');
create trigger batches_count_update after update on batches referencing old table as old_rows new table as new_rows
  for each statement execute function count_rows('batch_dimensions');
create trigger batches_count_delete after delete on batches referencing old table as old_rows
  for each statement execute function count_rows('batch_dimensions');
create trigger batch_alerts_count_insert after insert on batch_alerts referencing new table as new_rows
  for each statement execute function count_rows('alert_dimensions');
create trigger batch_alerts_count_update after update on batch_alerts referencing old table as old_rows new table as new_rows
  for each statement execute function count_rows('alert_dimensions');
create trigger batch_alerts_count_delete after delete on batch_alerts referencing old table as old_rows
  for each statement execute function count_rows('alert_dimensions');
create trigger verification_requests_count_insert after insert on verification_requests referencing new table as new_rows
  for each statement execute function count_rows('request_dimensions');
create trigger verification_requests_count_update after update on verification_requests referencing old table as old_rows new table as new_rows
  for each statement execute function count_rows('request_dimensions');
create trigger verification_requests_count_delete after delete on verification_requests referencing old table as old_rows
  for each statement execute function count_rows('request_dimensions');

-- Moves the deltas committed so far into `counts`; deltas of open transactions wait for the next fold.
create function fold_counts() returns bigint language plpgsql as $$
declare
  folded bigint;
begin
  perform pg_advisory_xact_lock(hashtextextended('fold_counts', 0));
  with gone as (delete from count_deltas returning dimension, value, n, kg, usd)
  insert into counts (dimension, value, n, kg, usd)
  select dimension, value, sum(n), sum(kg), sum(usd) from gone group by dimension, value
  on conflict (dimension, value) do update set n = counts.n + excluded.n, kg = counts.kg + excluded.kg, usd = counts.usd + excluded.usd;
  get diagnostics folded = row_count;
  delete from counts where n = 0;
  return folded;
end $$;

-- The counters start from the rows as they are, with writers kept out meanwhile.
lock table batches, batch_alerts, verification_requests in share mode;
insert into count_deltas (dimension, value, n, kg, usd)
select d.dimension, d.value, count(*), sum(d.kg), sum(d.usd) from batches b cross join lateral batch_dimensions(b) d group by 1, 2;
insert into count_deltas (dimension, value, n, kg, usd)
select d.dimension, d.value, count(*), 0, 0 from batch_alerts a cross join lateral alert_dimensions(a) d group by 1, 2;
insert into count_deltas (dimension, value, n, kg, usd)
select d.dimension, d.value, count(*), 0, 0 from verification_requests r cross join lateral request_dimensions(r) d group by 1, 2;
select fold_counts();
