-- The verification engine: requests, quality checks, fraud assessments, alerts, and the audit
-- log every change writes to.

-- Append-only and hash-chained: each record carries the hash of the one before it, `position`
-- counts from 1 with no gap (the audit anchor contract anchors ranges of positions), and the
-- database refuses to change or remove a record.
create table audit_records (
  id bigint generated always as identity primary key,
  position bigint not null unique,
  entity text not null,
  entity_id text not null,
  batch_id bigint references batches (id),
  action text not null,
  actor_kind text not null check (actor_kind in ('user', 'wallet', 'api_key', 'system', 'oracle')),
  actor_id text,
  before jsonb,
  after jsonb,
  tx_hash text,
  note text,
  created_at timestamptz not null default now(),
  prev_hash text not null,
  hash text not null unique
);

create index audit_records_batch_idx on audit_records (batch_id, position);
create index audit_records_entity_idx on audit_records (entity, entity_id);

create function audit_records_refuse_change() returns trigger language plpgsql as $$
begin
  raise exception 'audit_records is append-only: % is refused', tg_op using errcode = 'insufficient_privilege';
end $$;

create trigger audit_records_no_update before update or delete on audit_records
  for each row execute function audit_records_refuse_change();
create trigger audit_records_no_truncate before truncate on audit_records
  for each statement execute function audit_records_refuse_change();

create table verification_requests (
  id bigint generated always as identity primary key,
  batch_id bigint not null references batches (id),
  status text not null default 'pending' check (status in ('pending', 'approved', 'rejected')),
  requested_by bigint references users (id),
  notes text,
  offchain_quantity_kg numeric(14, 3),
  onchain_quantity_kg numeric(14, 3),
  actual_quantity_kg numeric(14, 3),
  discrepancy_kg numeric(14, 3),
  discrepancy_pct numeric(9, 3),
  tolerance_pct numeric(6, 3),
  decision_reason text,
  processed_by bigint references users (id),
  processed_at timestamptz,
  created_at timestamptz not null default now()
);

-- One open request per batch: asking again returns the one that waits.
create unique index verification_requests_one_pending on verification_requests (batch_id) where status = 'pending';
create index verification_requests_status_idx on verification_requests (status, id);

create table quality_checks (
  id bigint generated always as identity primary key,
  batch_id bigint not null references batches (id),
  inspected_by bigint references users (id),
  cupping_score numeric(5, 2) not null,
  moisture_pct numeric(5, 2) not null,
  primary_defects integer not null,
  secondary_defects integer not null,
  sample_grams integer not null,
  screen_size integer not null,
  screen_size_variance_pct numeric(5, 2),
  quakers integer,
  notes text,
  grade text not null check (grade in ('specialty', 'premium', 'exchange', 'below_standard')),
  full_defects numeric(9, 2) not null,
  reasons jsonb not null,
  rules_version text not null,
  created_at timestamptz not null default now()
);

create index quality_checks_batch_idx on quality_checks (batch_id, id);

create table quality_check_files (
  id bigint generated always as identity primary key,
  quality_check_id bigint not null references quality_checks (id),
  kind text not null check (kind in ('photo', 'certificate')),
  filename text not null,
  content_type text not null,
  size_bytes integer not null,
  storage_key text not null unique,
  created_at timestamptz not null default now()
);

create table fraud_assessments (
  id bigint generated always as identity primary key,
  batch_id bigint not null references batches (id),
  score integer not null check (score between 0 and 100),
  model_version text not null,
  factors jsonb not null,
  assessed_by bigint references users (id),
  created_at timestamptz not null default now()
);

create index fraud_assessments_batch_idx on fraud_assessments (batch_id, id);

create table batch_alerts (
  id bigint generated always as identity primary key,
  batch_id bigint not null references batches (id),
  type text not null check (type in ('quantity_discrepancy', 'fraud_risk', 'expiring_soon', 'expired', 'quality_below_standard', 'metadata_mismatch')),
  severity text not null check (severity in ('low', 'medium', 'high', 'critical')),
  status text not null default 'open' check (status in ('open', 'resolved')),
  -- What raised it (a request, an assessment, a day), so the same cause never opens it twice.
  source text not null,
  message text not null,
  details jsonb not null default '{}',
  resolved_by bigint references users (id),
  resolution_note text,
  resolved_at timestamptz,
  created_at timestamptz not null default now(),
  check ((status = 'resolved') = (resolved_at is not null and resolution_note is not null))
);

create unique index batch_alerts_one_open on batch_alerts (batch_id, type, source) where status = 'open';
create index batch_alerts_status_idx on batch_alerts (status, severity);

create trigger verification_requests_notify after insert or update on verification_requests
  for each statement execute function notify_change();
create trigger batch_alerts_notify after insert or update on batch_alerts
  for each statement execute function notify_change();
create trigger quality_checks_notify after insert on quality_checks
  for each statement execute function notify_change();
create trigger fraud_assessments_notify after insert on fraud_assessments
  for each statement execute function notify_change();
