-- The inventory's search also matches the origin country and region ("Kenya", "Nyeri").
drop index if exists batches_search_idx;
create index batches_search_idx on batches using gin ((batch_code || ' ' || coalesce(farm, '') || ' ' || coalesce(cooperative, '') || ' ' || origin_country || ' ' || coalesce(region, '')) gin_trgm_ops);
