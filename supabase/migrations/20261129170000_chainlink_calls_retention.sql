-- Refused Chainlink calls are pruned after a retention window (lib/jobs/prune.ts); this finds them.
create index chainlink_calls_refused_idx on chainlink_calls (created_at) where outcome = 'refused';
