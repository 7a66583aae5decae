-- The event listener: reorg-safe event identity, retries, recent block hashes and a change
-- feed that live pages follow.

-- A log is identified by its block, not its transaction: after a reorg the same transaction
-- can land in another block, and both copies must be kept (the orphaned one marked reorged).
alter table blockchain_events drop constraint blockchain_events_chain_id_tx_hash_log_index_key;
alter table blockchain_events add constraint blockchain_events_log_key unique (chain_id, block_hash, log_index);
alter table blockchain_events add column next_attempt_at timestamptz;

-- Every insert or change takes the next number, so a live page can ask for "everything
-- after N" and never miss or repeat a change. Writers hold the listener's advisory lock,
-- so numbers are committed in order.
create sequence blockchain_events_seq;
alter table blockchain_events add column seq bigint not null default nextval('blockchain_events_seq');
create unique index blockchain_events_seq_idx on blockchain_events (seq);
create index blockchain_events_status_idx on blockchain_events (status, next_attempt_at);
create index blockchain_events_tx_idx on blockchain_events (tx_hash);

create function blockchain_events_next_seq() returns trigger language plpgsql as $$
begin
  new.seq := nextval('blockchain_events_seq');
  return new;
end $$;

create trigger blockchain_events_seq_on_update before update on blockchain_events
  for each row execute function blockchain_events_next_seq();

-- Postgres LISTEN/NOTIFY for live pages (lib/realtime). Notifications go out on commit only.
create function notify_change() returns trigger language plpgsql as $$
begin
  perform pg_notify('batchtrail_changes', tg_table_name);
  return null;
end $$;

create trigger blockchain_events_notify after insert or update on blockchain_events
  for each statement execute function notify_change();
create trigger batches_notify after insert or update or delete on batches
  for each statement execute function notify_change();

alter table listener_state add column head_block bigint;
alter table listener_state add column block_range integer;
alter table listener_state add column last_error text;
alter table listener_state add column last_error_at timestamptz;

-- Recent block hashes, to find the common ancestor when the chain reorganises.
create table listener_blocks (
  listener_id text not null references listener_state (id) on delete cascade,
  block_number bigint not null,
  block_hash text not null,
  primary key (listener_id, block_number)
);
