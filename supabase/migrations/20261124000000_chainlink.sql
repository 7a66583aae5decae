-- Chainlink Functions: the checks the consumer contract sends through the DON to /api/chainlink/*.

-- One row per check, keyed by its chainlink_request_id (the id the consumer puts in the request's
-- args; a Functions source never sees the router's request id). Two sides fill it: the API's
-- answer (computed once; every later call with the id gets the same bytes) and the consumer's
-- events as the listener indexes them (sent, then fulfilled or failed).
create table chainlink_requests (
  id text primary key check (id ~ '^0x[0-9a-f]{64}$'),
  chain_id integer not null,
  check_type text not null check (check_type in ('verify_batch', 'quality_check', 'expiry_check')),
  token_id numeric(78, 0) not null,
  batch_id bigint references batches (id),
  answer text,
  passed boolean,
  code bigint,
  as_of timestamptz,
  reasons jsonb,
  answered_at timestamptz,
  router_request_id text unique,
  state text check (state in ('sent', 'fulfilled', 'failed')),
  applied boolean,
  error text,
  requester text,
  request_tx text,
  settle_tx text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create index chainlink_requests_token_idx on chainlink_requests (chain_id, token_id, created_at desc);
create index chainlink_requests_batch_idx on chainlink_requests (batch_id, created_at desc);

-- Every call to /api/chainlink/*, answered or refused, with why.
create table chainlink_calls (
  id bigint generated always as identity primary key,
  chainlink_request_id text,
  check_type text not null,
  token_id text,
  outcome text not null check (outcome in ('answered', 'refused')),
  status integer not null,
  reason text,
  ip text,
  created_at timestamptz not null default now()
);

create index chainlink_calls_request_idx on chainlink_calls (chainlink_request_id, id);

-- Each signed call's nonce, once: a replayed call is refused. Calls older than the allowed clock
-- skew are refused by their timestamp, so older nonces may be pruned.
create table chainlink_nonces (
  nonce text primary key,
  seen_at timestamptz not null default now()
);

create trigger chainlink_requests_notify after insert or update on chainlink_requests
  for each statement execute function notify_change();
