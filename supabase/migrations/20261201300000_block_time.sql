-- The time of the block an event was mined in, as the chain tells it: a minted batch's created_at,
-- a batch's removal from stock and the events chart follow the chain's clock, not the moment the
-- indexer read the log. Events stored before this column existed take the time they were stored.
alter table blockchain_events add column block_time timestamptz;
update blockchain_events set block_time = created_at;
alter table blockchain_events alter column block_time set not null, alter column block_time set default now();
create index blockchain_events_block_time_idx on blockchain_events (block_time);
