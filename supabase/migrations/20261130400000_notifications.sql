-- Alerts that reach people (issue 20): outbound events followed from the audit log (the outbox),
-- signed webhooks with their delivery log, each user's inbox and email subscription, the
-- monitoring agent's samples and detector states, and its recommendations.

-- Admin settings, one row per key (webhooks_allow_private: loopback and private endpoints allowed).
create table settings (
  key text primary key check (key in ('webhooks_allow_private')),
  value jsonb not null,
  updated_by bigint references users (id),
  updated_at timestamptz not null default now()
);

-- What happened, once each, as webhooks and notifications carry it. `source` names its origin
-- ('audit:<position>', 'system_alert:<id>:raised', 'sync:<id>', 'test:<uuid>'), so following twice adds nothing.
create table outbound_events (
  id bigint generated always as identity primary key,
  type text not null check (type in ('batch.created', 'batch.minted', 'batch.verified', 'batch.expired', 'batch.redeemed', 'alert.raised', 'alert.resolved', 'sync.failed', 'order.created', 'order.confirmed', 'order.reserved', 'order.shipping', 'order.shipped', 'order.delivered', 'order.cancelled', 'order.refunded', 'order.shipment_failed', 'return.requested', 'return.receiving', 'return.received', 'return.inspected', 'return.deciding', 'return.closed', 'return.rejected', 'webhook.test')),
  source text not null unique,
  batch_id bigint references batches (id),
  severity text check (severity in ('low', 'medium', 'high', 'critical')),
  data jsonb not null,
  created_at timestamptz not null default now()
);

-- The outbox's checkpoints: the last audit position turned into events, the last event dispatched.
create table outbox_state (
  id boolean primary key default true check (id),
  audit_position bigint not null,
  dispatched_id bigint not null default 0
);
-- History is not replayed: events start with what happens after this migration.
insert into outbox_state (audit_position) select coalesce(max(position), 0) from audit_records;

create table webhook_endpoints (
  id bigint generated always as identity primary key,
  url text not null check (length(url) between 8 and 2000),
  description text not null default '' check (length(description) <= 200),
  event_types text[] not null check (cardinality(event_types) between 1 and 40),
  status text not null default 'active' check (status in ('active', 'paused', 'disabled')),
  secret_sealed text not null,
  previous_secret_sealed text,
  previous_secret_expires_at timestamptz,
  failure_streak integer not null default 0 check (failure_streak >= 0),
  disabled_reason text,
  disabled_at timestamptz,
  created_by bigint references users (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check ((previous_secret_sealed is null) = (previous_secret_expires_at is null))
);

-- One event to one endpoint; `message_id` is the webhook-id header on every attempt.
create table webhook_deliveries (
  id bigint generated always as identity primary key,
  endpoint_id bigint not null references webhook_endpoints (id),
  event_id bigint not null references outbound_events (id),
  message_id text not null,
  status text not null default 'pending' check (status in ('pending', 'succeeded', 'failed', 'cancelled')),
  attempts integer not null default 0 check (attempts >= 0),
  next_attempt_at timestamptz,
  first_attempt_at timestamptz,
  delivered_at timestamptz,
  last_status_code integer,
  last_latency_ms integer,
  last_error text,
  created_at timestamptz not null default now(),
  unique (endpoint_id, event_id),
  check ((status = 'pending') = (next_attempt_at is not null))
);
create index webhook_deliveries_due_idx on webhook_deliveries (next_attempt_at) where status = 'pending';
create index webhook_deliveries_endpoint_idx on webhook_deliveries (endpoint_id, id);

create table webhook_attempts (
  id bigint generated always as identity primary key,
  delivery_id bigint not null references webhook_deliveries (id),
  attempt integer not null check (attempt >= 1),
  sent_at timestamptz not null,
  request_headers jsonb not null,
  request_body text not null,
  status_code integer,
  response_body text check (length(response_body) <= 4096),
  latency_ms integer not null,
  error text,
  unique (delivery_id, attempt)
);

-- Which alerts reach a user, and how; without a row: the inbox from high severity, no email.
create table alert_subscriptions (
  user_id bigint primary key references users (id),
  min_severity text not null default 'high' check (min_severity in ('low', 'medium', 'high', 'critical')),
  by_email boolean not null default false,
  in_inbox boolean not null default true,
  updated_at timestamptz not null default now()
);

create table notifications (
  id bigint generated always as identity primary key,
  user_id bigint not null references users (id),
  event_id bigint not null references outbound_events (id),
  severity text not null check (severity in ('low', 'medium', 'high', 'critical')),
  title text not null,
  body text not null,
  link text not null,
  read_at timestamptz,
  email_state text not null default 'none' check (email_state in ('none', 'pending', 'sent', 'failed')),
  emailed_at timestamptz,
  created_at timestamptz not null default now(),
  unique (user_id, event_id)
);
create index notifications_unread_idx on notifications (user_id, id) where read_at is null;
create index notifications_mail_idx on notifications (user_id) where email_state = 'pending';

alter table system_alerts drop constraint system_alerts_type_check;
alter table system_alerts add constraint system_alerts_type_check
  check (type in ('audit_chain_broken', 'anchoring_overdue', 'listener_lag', 'rpc_error_rate', 'job_queue_backlog', 'sync_drift_growing', 'counts_disagree', 'warehouse_over_capacity', 'webhook_failing', 'webhook_disabled'));

alter table batch_alerts drop constraint batch_alerts_type_check;
alter table batch_alerts add constraint batch_alerts_type_check
  check (type in ('quantity_discrepancy', 'fraud_risk', 'expiring_soon', 'expired', 'quality_below_standard', 'metadata_mismatch', 'sync_error', 'cloned_label', 'price_outlier', 'expiring_unreserved'));

-- The monitoring agent's figures over time (RPC probes, sync drift), pruned after a day.
create table monitor_samples (
  id bigint generated always as identity primary key,
  metric text not null check (metric in ('rpc_probe', 'sync_drift')),
  value numeric not null,
  details jsonb not null default '{}',
  taken_at timestamptz not null default now()
);
create index monitor_samples_metric_idx on monitor_samples (metric, taken_at);

-- Each detector's last run: when, how many findings, their evidence, or the error it threw.
create table detector_states (
  detector text primary key check (detector in ('listener_lag', 'rpc_error_rate', 'job_queue_backlog', 'sync_drift_growing', 'expiring_unreserved', 'price_outlier', 'warehouse_over_capacity', 'counts_disagree', 'audit_chain_broken', 'anchoring_overdue', 'webhook_failing')),
  last_run_at timestamptz not null,
  findings integer not null,
  evidence jsonb not null default '[]',
  error text
);

create table recommendations (
  id bigint generated always as identity primary key,
  kind text not null check (kind in ('reverify_batch', 'sell_before_expiry', 'pause_webhook', 'run_sync')),
  status text not null default 'open' check (status in ('open', 'accepted', 'dismissed', 'obsolete')),
  source text not null,
  batch_id bigint references batches (id),
  endpoint_id bigint references webhook_endpoints (id),
  alert_id bigint references batch_alerts (id),
  system_alert_id bigint references system_alerts (id),
  title text not null,
  factors jsonb not null,
  confidence numeric(4, 3) not null check (confidence between 0 and 1),
  expected_effect text not null,
  evidence jsonb not null,
  decided_by bigint references users (id),
  decided_at timestamptz,
  decision_note text check (length(decision_note) <= 500),
  result jsonb,
  created_at timestamptz not null default now(),
  check (status <> 'dismissed' or length(decision_note) >= 3)
);
create unique index recommendations_one_open on recommendations (kind, source) where status = 'open';

alter table settings enable row level security;
alter table outbound_events enable row level security;
alter table outbox_state enable row level security;
alter table webhook_endpoints enable row level security;
alter table webhook_deliveries enable row level security;
alter table webhook_attempts enable row level security;
alter table alert_subscriptions enable row level security;
alter table notifications enable row level security;
alter table monitor_samples enable row level security;
alter table detector_states enable row level security;
alter table recommendations enable row level security;
