-- Analytics: daily and hourly rollups the /analytics page reads instead of scanning the big tables.
-- refreshAnalytics (lib/analytics/refresh.ts) recomputes the buckets a refresh window touches,
-- from indexed timestamp ranges, in one transaction; every day is UTC. Dimensions are the batch's
-- origin_country, process and warehouse ('none' when unset), as they were at the last refresh of
-- that bucket.

-- One row: everything written before `refreshed_through` is in the rollups.
create table analytics_state (
  id text primary key,
  refreshed_through timestamptz not null,
  refreshed_at timestamptz not null default now(),
  duration_ms integer not null default 0
);

-- When each batch left the stock (expired or redeemed): the batch's updated_at the first time a
-- refresh sees it removed, pinned so later edits of the row do not move the removal.
create table analytics_removals (
  batch_id bigint primary key references batches (id) on delete cascade,
  removed_at timestamptz not null
);
create index analytics_removals_removed_at_idx on analytics_removals (removed_at);

-- What each batch last counted as in the rollups: a refresh recomputes a batch's earlier days only
-- when an edit changed one of these (most edits, a sync or a verification status, change none).
create table analytics_batch_facts (
  batch_id bigint primary key references batches (id) on delete cascade,
  origin_country text not null,
  process text not null,
  warehouse text not null,
  quantity_kg numeric(14, 3) not null,
  is_counted boolean not null
);

-- Kilograms into the stock (a batch on the day its row was created; drafts not yet minted are left
-- out) and out of it (on its removal day). Stock at a day = the sum of net kg up to that day.
create table analytics_stock_daily (
  day date not null,
  origin_country text not null,
  process text not null,
  warehouse text not null,
  minted_batches integer not null,
  minted_kg numeric(20, 3) not null,
  removed_batches integer not null,
  removed_kg numeric(20, 3) not null,
  primary key (day, origin_country, process, warehouse)
);

-- Verification requests by the day they were processed; discrepancies as absolute sums.
create table analytics_verification_daily (
  day date not null,
  origin_country text not null,
  process text not null,
  warehouse text not null,
  approved integer not null,
  rejected integer not null,
  discrepancy_kg numeric(20, 3) not null,
  discrepancy_pct numeric(20, 3) not null,
  primary key (day, origin_country, process, warehouse)
);

create table analytics_quality_daily (
  day date not null,
  origin_country text not null,
  process text not null,
  warehouse text not null,
  grade text not null,
  checks integer not null,
  primary key (day, origin_country, process, warehouse, grade)
);

create table analytics_fraud_daily (
  day date not null,
  origin_country text not null,
  process text not null,
  warehouse text not null,
  risk_level text not null,
  assessments integer not null,
  score_sum bigint not null,
  primary key (day, origin_country, process, warehouse, risk_level)
);

-- Each factor that scored (points > 0) in an assessment: how often, and its points.
create table analytics_fraud_factors_daily (
  day date not null,
  origin_country text not null,
  process text not null,
  warehouse text not null,
  factor text not null,
  hits integer not null,
  points bigint not null,
  primary key (day, origin_country, process, warehouse, factor)
);

-- Alerts opened on their created_at day, resolved on their resolved_at day.
create table analytics_alerts_daily (
  day date not null,
  origin_country text not null,
  process text not null,
  warehouse text not null,
  type text not null,
  opened integer not null,
  resolved integer not null,
  primary key (day, origin_country, process, warehouse, type)
);

-- Chain events stored per hour, by name.
create table analytics_events_hourly (
  hour timestamptz not null,
  name text not null,
  events integer not null,
  primary key (hour, name)
);

-- Full sync runs by the hour they finished; lag = finished_at - created_at (queued to done).
create table analytics_sync_hourly (
  hour timestamptz primary key,
  runs integer not null,
  failed integer not null,
  lag_ms_sum bigint not null,
  lag_ms_max bigint not null,
  checked bigint not null,
  updated bigint not null,
  flagged bigint not null
);

-- Sellable stock (active, verified, flagged) expiring in the next 90 days, rebuilt each refresh
-- from the expiry-date index.
create table analytics_expiry (
  expiry_date date not null,
  origin_country text not null,
  process text not null,
  warehouse text not null,
  batches integer not null,
  kg numeric(20, 3) not null,
  primary key (expiry_date, origin_country, process, warehouse)
);

-- The range scans a refresh makes on the source tables.
create index verification_requests_processed_at_idx on verification_requests (processed_at) where processed_at is not null;
-- An edited batch's earlier rows are found by batch.
create index verification_requests_batch_idx on verification_requests (batch_id, id);
create index quality_checks_created_at_idx on quality_checks (created_at);
create index fraud_assessments_created_at_idx on fraud_assessments (created_at);
create index batch_alerts_created_at_idx on batch_alerts (created_at);
create index batch_alerts_resolved_at_idx on batch_alerts (resolved_at) where resolved_at is not null;
create index blockchain_events_created_at_idx on blockchain_events (created_at);
create index sync_history_finished_at_idx on sync_history (finished_at) where finished_at is not null;
