-- The time of the block an event was mined in, as the chain tells it: a minted batch's created_at,
-- and the events chart, follow the chain's clock rather than the moment the indexer read the log.
-- Null for events stored before this column existed.
alter table blockchain_events add column block_time timestamptz;
