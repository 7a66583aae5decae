-- Batchtrail: batches mirrored from the batch token contract, and the listener's own state.
create extension if not exists pg_trgm;

create table batches (
  id bigint generated always as identity primary key,
  chain_id integer not null,
  token_id numeric(78, 0) not null,
  batch_code text not null unique,
  origin_country text not null,
  region text,
  farm text,
  cooperative text,
  variety text,
  process text check (process in ('washed', 'natural', 'honey', 'anaerobic', 'wet_hulled')),
  altitude_m integer check (altitude_m between 0 and 6000),
  harvest_date date,
  production_date date not null,
  expiry_date date not null,
  quantity_kg numeric(14, 3) not null check (quantity_kg >= 0),
  onchain_quantity numeric(78, 0) not null check (onchain_quantity >= 0),
  price_per_kg numeric(12, 2) check (price_per_kg >= 0),
  cupping_score numeric(5, 2) check (cupping_score between 0 and 100),
  moisture_pct numeric(4, 1) check (moisture_pct between 0 and 100),
  warehouse text,
  owner_address text,
  metadata_uri text,
  metadata_hash text,
  status text not null default 'active'
    check (status in ('draft', 'pending_mint', 'active', 'verified', 'flagged', 'expired', 'redeemed')),
  verification_status text not null default 'unverified'
    check (verification_status in ('unverified', 'pending', 'verified', 'failed')),
  sync_status text not null default 'synced'
    check (sync_status in ('synced', 'pending', 'out_of_sync', 'error')),
  last_synced_at timestamptz,
  mint_tx_hash text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (chain_id, token_id)
);

create index batches_status_idx on batches (status, id);
create index batches_verification_status_idx on batches (verification_status, id);
create index batches_sync_status_idx on batches (sync_status, id);
create index batches_origin_country_idx on batches (origin_country, id);
create index batches_process_idx on batches (process, id);
create index batches_warehouse_idx on batches (warehouse, id);
create index batches_harvest_date_idx on batches (harvest_date, id);
create index batches_expiry_date_idx on batches (expiry_date, id);
create index batches_quantity_kg_idx on batches (quantity_kg, id);
create index batches_price_per_kg_idx on batches (price_per_kg, id);
create index batches_created_at_idx on batches (created_at, id);
create index batches_search_idx on batches using gin ((batch_code || ' ' || coalesce(farm, '') || ' ' || coalesce(cooperative, '')) gin_trgm_ops);

create table blockchain_events (
  id bigint generated always as identity primary key,
  chain_id integer not null,
  contract_address text not null,
  block_number bigint not null,
  block_hash text not null,
  tx_hash text not null,
  log_index integer not null,
  name text not null,
  token_id numeric(78, 0),
  args jsonb not null,
  status text not null default 'pending' check (status in ('pending', 'processed', 'failed', 'reorged')),
  attempts integer not null default 0,
  error text,
  created_at timestamptz not null default now(),
  processed_at timestamptz,
  unique (chain_id, tx_hash, log_index)
);

create index blockchain_events_block_idx on blockchain_events (chain_id, block_number);
create index blockchain_events_token_idx on blockchain_events (token_id);

create table listener_state (
  id text primary key,
  chain_id integer not null,
  contract_address text not null,
  last_block bigint not null,
  is_active boolean not null default true,
  updated_at timestamptz not null default now()
);
