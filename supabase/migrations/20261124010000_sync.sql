-- The sync service: reconciliation runs (SyncJob / SyncResult), per-batch failure state, and the
-- transactions the app sends (BlockchainTransaction).

-- Every run: what started it, the blocks it read at, its counts, its state; a running one is
-- updated as it goes (its progress is live).
create table sync_history (
  id bigint generated always as identity primary key,
  job_id text,
  trigger text not null check (trigger in ('schedule', 'manual', 'cron', 'batch')),
  batch_id bigint references batches (id),
  status text not null default 'queued' check (status in ('queued', 'running', 'paused', 'succeeded', 'failed')),
  from_block numeric(78, 0),
  to_block numeric(78, 0),
  total integer not null default 0,
  checked integer not null default 0,
  updated integer not null default 0,
  imported integer not null default 0,
  flagged integer not null default 0,
  failed integer not null default 0,
  error text,
  started_at timestamptz,
  finished_at timestamptz,
  duration_ms integer,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create index sync_history_recent_idx on sync_history (id desc);
-- At most one full reconciliation queued or running at a time.
create unique index sync_history_one_active on sync_history ((true)) where batch_id is null and status in ('queued', 'running', 'paused');

-- Each difference a run found and what it did about it.
create table sync_results (
  id bigint generated always as identity primary key,
  sync_id bigint not null references sync_history (id),
  batch_id bigint references batches (id),
  token_id numeric(78, 0),
  field text not null,
  offchain text,
  onchain text,
  action text not null check (action in ('updated', 'imported', 'flagged', 'failed')),
  detail text,
  created_at timestamptz not null default now()
);

create index sync_results_sync_idx on sync_results (sync_id, id);
create index sync_results_batch_idx on sync_results (batch_id, id);

-- A batch whose sync keeps failing waits longer each time, then is marked `error` with the reason.
alter table batches add column sync_error text;
alter table batches add column sync_attempts integer not null default 0;
alter table batches add column next_sync_at timestamptz;

alter table batch_alerts drop constraint batch_alerts_type_check;
alter table batch_alerts add constraint batch_alerts_type_check
  check (type in ('quantity_discrepancy', 'fraud_risk', 'expiring_soon', 'expired', 'quality_below_standard', 'metadata_mismatch', 'sync_error'));

-- Transactions sent from the app's pages (mint, mark verified, Chainlink checks), followed to the end:
-- mined or reverted (with gas used), replaced by another with the same nonce, or dropped.
create table blockchain_transactions (
  id bigint generated always as identity primary key,
  chain_id integer not null,
  tx_hash text not null,
  kind text not null check (kind in ('mint', 'mark_verified', 'chainlink_check', 'adjust_inventory')),
  batch_id bigint references batches (id),
  from_address text,
  nonce bigint,
  status text not null default 'pending' check (status in ('pending', 'mined', 'reverted', 'replaced', 'dropped')),
  gas_used numeric(78, 0),
  block_number numeric(78, 0),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (chain_id, tx_hash)
);

create index blockchain_transactions_pending_idx on blockchain_transactions (status, id) where status = 'pending';

create trigger sync_history_notify after insert or update on sync_history
  for each statement execute function notify_change();
create trigger blockchain_transactions_notify after insert or update on blockchain_transactions
  for each statement execute function notify_change();
