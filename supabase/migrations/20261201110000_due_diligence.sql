-- EUDR due diligence (issue 21): the producers' declarations and legality documents per plot,
-- deforestation layers an operator uploads with each plot's overlap, and due diligence statements
-- (per batch or per order) with the reference and verification numbers the EU system gave them.

-- A producer's declaration about a plot; the newest one counts, earlier ones stay as history.
create table plot_declarations (
  id bigint generated always as identity primary key,
  plot_id bigint not null references plots (id),
  land_use text not null check (land_use in ('coffee_before_2021', 'other_crop_before_2021', 'converted_after_2020', 'forest')),
  -- The producer declares no deforestation on the plot after 2020-12-31.
  is_deforestation_free boolean not null,
  declared_on date not null,
  declarant text not null check (length(declarant) between 1 and 200),
  note text check (length(note) <= 1000),
  created_by bigint references users (id),
  created_at timestamptz not null default now()
);
create index plot_declarations_plot_idx on plot_declarations (plot_id, id);

-- Legality documents (land title, permits) as files in the upload store (lib/storage).
create table plot_documents (
  id bigint generated always as identity primary key,
  plot_id bigint not null references plots (id),
  filename text not null,
  content_type text not null,
  size_bytes integer not null,
  storage_key text not null unique,
  created_by bigint references users (id),
  created_at timestamptz not null default now()
);
create index plot_documents_plot_idx on plot_documents (plot_id);

-- Areas deforested after 2020-12-31, as a GeoJSON FeatureCollection of polygons.
create table deforestation_layers (
  id bigint generated always as identity primary key,
  name text not null check (length(name) between 1 and 200),
  features jsonb not null,
  feature_count integer not null check (feature_count > 0),
  created_by bigint references users (id),
  created_at timestamptz not null default now()
);

-- How much of a plot (hectares) lies in a layer's deforested areas; 0 when none.
create table plot_overlaps (
  layer_id bigint not null references deforestation_layers (id),
  plot_id bigint not null references plots (id),
  overlap_ha numeric(12, 4) not null check (overlap_ha >= 0),
  computed_at timestamptz not null default now(),
  primary key (layer_id, plot_id)
);
create index plot_overlaps_plot_idx on plot_overlaps (plot_id);

-- A due diligence statement: for one batch or for one order (a shipment of several batches).
create table due_diligence_statements (
  id bigint generated always as identity primary key,
  batch_id bigint references batches (id),
  order_id bigint references orders (id),
  activity text not null check (activity in ('import', 'export', 'domestic')),
  status text not null default 'draft' check (status in ('draft', 'filed')),
  risk_level text not null check (risk_level in ('negligible', 'not_negligible')),
  -- The statement as generated, in the EU information system's format (lib/eudr/statement.ts).
  document jsonb not null,
  reference_number text check (length(reference_number) between 1 and 100),
  verification_number text check (length(verification_number) between 1 and 100),
  filed_at timestamptz,
  created_by bigint references users (id),
  created_at timestamptz not null default now(),
  constraint due_diligence_statements_subject_check check (num_nonnulls(batch_id, order_id) = 1),
  constraint due_diligence_statements_filed_check check ((status = 'filed') = (reference_number is not null and verification_number is not null and filed_at is not null))
);
create index due_diligence_statements_batch_idx on due_diligence_statements (batch_id, id);
create index due_diligence_statements_order_idx on due_diligence_statements (order_id, id);

-- The batches a statement covers (one for a batch's statement, the order's lines for an order's).
create table statement_batches (
  statement_id bigint not null references due_diligence_statements (id),
  batch_id bigint not null references batches (id),
  primary key (statement_id, batch_id)
);
create index statement_batches_batch_idx on statement_batches (batch_id);

-- The EU information system's endpoint and the operator's identity, an admin's setting.
alter table settings drop constraint settings_key_check;
alter table settings add constraint settings_key_check check (key in ('webhooks_allow_private', 'eudr_submission'));

alter table plot_declarations enable row level security;
alter table plot_documents enable row level security;
alter table deforestation_layers enable row level security;
alter table plot_overlaps enable row level security;
alter table due_diligence_statements enable row level security;
alter table statement_batches enable row level security;
revoke all on plot_declarations, plot_documents, deforestation_layers, plot_overlaps, due_diligence_statements,
  statement_batches from anon, authenticated;
