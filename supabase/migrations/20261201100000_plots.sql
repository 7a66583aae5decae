-- EUDR (issue 21): the plots of land coffee is grown on, and which plots each batch came from.
-- A plot's geometry is GeoJSON in WGS 84, longitude first: a Point for plots up to 4 ha, a Polygon
-- above. `problems` holds what validation found (empty when the plot is valid); a batch is EUDR-ready
-- when it lists at least one plot and none of its plots has a problem.

create table plots (
  id bigint generated always as identity primary key,
  -- The producer organisation the plot belongs to; null for plots the operating company's staff keep.
  organisation_id bigint references organisations (id),
  -- The producer's own identifier for the plot, unique within its organisation.
  reference text not null check (length(reference) between 1 and 100),
  producer_name text not null check (length(producer_name) between 1 and 200),
  -- ISO 3166-1 alpha-2.
  country text not null check (country ~ '^[A-Z]{2}$'),
  region text check (length(region) <= 200),
  geometry jsonb not null,
  -- Hectares: computed from a polygon, declared for a point.
  area_ha numeric(12, 4) not null check (area_ha > 0),
  problems jsonb not null default '[]',
  created_by bigint references users (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique nulls not distinct (organisation_id, reference)
);
create index plots_organisation_idx on plots (organisation_id, id);

create table batch_plots (
  batch_id bigint not null references batches (id),
  plot_id bigint not null references plots (id),
  -- The percentage of the batch's coffee that came from the plot.
  share_pct numeric(5, 2) not null check (share_pct > 0 and share_pct <= 100),
  created_at timestamptz not null default now(),
  primary key (batch_id, plot_id)
);
create index batch_plots_plot_idx on batch_plots (plot_id);

alter table plots enable row level security;
alter table batch_plots enable row level security;
revoke all on plots, batch_plots from anon, authenticated;
