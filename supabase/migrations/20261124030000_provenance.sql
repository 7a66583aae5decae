-- Provenance: the audit log anchored on chain in Merkle roots, alerts about the log itself, and
-- counts of public trace page views (for spotting cloned labels).

-- Each range of audit records sent to the AuditAnchor contract, and what became of the send.
-- `sending` is written before the transaction goes out, so a crash mid-send is found and resolved
-- against the chain on the next run; a `failed` send is kept for the record and its range retried.
create table audit_anchors (
  id bigint generated always as identity primary key,
  chain_id integer not null,
  contract_address text not null,
  from_position bigint not null,
  to_position bigint not null,
  root text not null,
  status text not null default 'sending' check (status in ('sending', 'confirmed', 'failed')),
  tx_hash text,
  block_number bigint,
  anchor_index bigint,
  error text,
  created_at timestamptz not null default now(),
  confirmed_at timestamptz,
  check (from_position >= 1 and to_position >= from_position)
);

-- A range is anchored (or being anchored) once per contract.
create unique index audit_anchors_one_live on audit_anchors (chain_id, contract_address, from_position) where status <> 'failed';
create index audit_anchors_range_idx on audit_anchors (chain_id, contract_address, to_position) where status = 'confirmed';

-- Alerts about the system rather than one batch (batch_alerts.batch_id is required): a broken hash
-- chain stops anchoring and opens one of these, once per cause.
create table system_alerts (
  id bigint generated always as identity primary key,
  type text not null check (type in ('audit_chain_broken')),
  severity text not null check (severity in ('low', 'medium', 'high', 'critical')),
  status text not null default 'open' check (status in ('open', 'resolved')),
  source text not null,
  message text not null,
  details jsonb not null default '{}',
  resolved_at timestamptz,
  created_at timestamptz not null default now()
);

create unique index system_alerts_one_open on system_alerts (type, source) where status = 'open';

-- Public trace page views, per batch, coarse place (a country code or 'unknown') and hour.
create table trace_scans (
  batch_id bigint not null references batches (id),
  place text not null,
  hour timestamptz not null,
  views integer not null default 0,
  primary key (batch_id, hour, place)
);

alter table batch_alerts drop constraint batch_alerts_type_check;
alter table batch_alerts add constraint batch_alerts_type_check
  check (type in ('quantity_discrepancy', 'fraud_risk', 'expiring_soon', 'expired', 'quality_below_standard', 'metadata_mismatch', 'sync_error', 'cloned_label'));
