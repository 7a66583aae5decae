-- Stock per origin and day: analytics_stock_daily summed over process and warehouse, kept with it by
-- the refresh. The stock-by-origin chart and the forecast read the whole history unless a process
-- or warehouse is chosen; at a million batches the full rollup holds about 100,000 rows for that,
-- this one about 8,000.
create table analytics_stock_origin_daily (
  day date not null,
  origin_country text not null,
  minted_kg numeric(20, 3) not null,
  removed_kg numeric(20, 3) not null,
  primary key (day, origin_country)
);

alter table analytics_stock_origin_daily enable row level security;
revoke all on analytics_stock_origin_daily from anon, authenticated;

insert into analytics_stock_origin_daily (day, origin_country, minted_kg, removed_kg)
select day, origin_country, sum(minted_kg), sum(removed_kg) from analytics_stock_daily group by 1, 2;
