-- The off-chain dashboard: the recent-activity feed and the system status.

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
