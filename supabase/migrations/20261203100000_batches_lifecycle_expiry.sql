-- The lifecycle filters in expiry order. Expired batches hold the oldest expiry dates, so a filter
-- on a later stage (verified, active) sorted by expiry walked past every expired batch on the
-- expiry index: 8 s at a million batches. With the filter's value first, its matches are read in
-- expiry order straight away.
create index batches_status_expiry_idx on batches (status, expiry_date, id);
create index batches_verification_status_expiry_idx on batches (verification_status, expiry_date, id);
