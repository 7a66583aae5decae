-- (created_at) alone is redundant beside (created_at, id), added a migration later (the dashboard's
-- keyset pages): the analytics range scans use the pair as well. One index less to write for each
-- of the indexer's event rows and for each alert.
drop index blockchain_events_created_at_idx;
drop index batch_alerts_created_at_idx;
