-- Returns (issue 19): a buyer sends back part of a delivered order line; the tokens come back to the
-- shipping wallet (a `returned` movement, at the warehouse that receives them), a verifier inspects
-- the lot, a recommendation proposes a disposition with its reasons, and a person decides. The
-- decision's chain effect (a transfer back to the producer, a redemption to destroy) is sent by the
-- shipping wallet like a shipment, signed and recorded before it is sent.

create table returns (
  id bigint generated always as identity primary key,
  order_id bigint not null references orders (id),
  order_line_id bigint not null references order_lines (id),
  batch_id bigint not null references batches (id),
  buyer_id bigint not null references organisations (id),
  -- Grams, the token's unit.
  quantity numeric(78, 0) not null check (quantity > 0),
  reason text not null
    check (reason in ('quality_below_contract', 'moisture', 'transit_damage', 'wrong_lot', 'contamination')),
  note text check (length(note) <= 2000),
  -- The grade the batch was sold at, when the return was requested.
  contract_grade text check (contract_grade in ('specialty', 'premium', 'exchange', 'below_standard')),
  status text not null default 'requested'
    check (status in ('requested', 'receiving', 'received', 'inspected', 'deciding', 'closed', 'rejected')),
  warehouse text references warehouses (code),
  -- The inspection: the SCA quality check as entered, its grade and reasons.
  inspection jsonb,
  grade text check (grade in ('specialty', 'premium', 'exchange', 'below_standard')),
  grade_reasons jsonb,
  contaminated boolean,
  recommendation jsonb,
  disposition text check (disposition in ('resell', 'downgrade', 'blend', 'return_to_producer', 'destroy')),
  -- Whether the decision differs from the recommendation; a note is then required.
  overridden boolean,
  decision_note text check (length(decision_note) <= 2000),
  recovery_value numeric(14, 2),
  -- What the buyer gets back: a refund of the returned kilograms at the line's price, or a replacement.
  settlement text check (settlement in ('refund', 'replacement', 'none')),
  refund numeric(14, 2) check (refund >= 0),
  requested_by bigint references users (id),
  received_at timestamptz,
  inspected_at timestamptz,
  decided_at timestamptz,
  decided_by bigint references users (id),
  closed_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check ((status in ('deciding', 'closed')) = (disposition is not null) or status = 'rejected'),
  check (overridden is not true or decision_note is not null)
);
create index returns_line_idx on returns (order_line_id) where status <> 'rejected';
create index returns_status_idx on returns (status, id);
create index returns_buyer_idx on returns (buyer_id, id);
create index returns_batch_idx on returns (batch_id);

create table return_files (
  id bigint generated always as identity primary key,
  return_id bigint not null references returns (id),
  filename text not null,
  content_type text not null,
  size_bytes integer not null,
  storage_key text not null unique,
  created_at timestamptz not null default now()
);
create index return_files_return_idx on return_files (return_id);

-- The shipping wallet's transactions for a return: `intake` (the buyer's wallet → the shipping wallet)
-- and `disposal` (to the producer, or a redemption). An order's shipment keeps its reservation.
alter table shipments add column purpose text not null default 'order' check (purpose in ('order', 'intake', 'disposal'));
alter table shipments add column return_id bigint references returns (id);
alter table shipments alter column reservation_id drop not null;
alter table shipments add constraint shipments_purpose_check1
  check ((purpose = 'order') = (reservation_id is not null) and (purpose = 'order') = (return_id is null));
drop index shipments_one_per_line_idx;
create unique index shipments_one_per_line_idx on shipments (order_line_id) where status <> 'failed' and purpose = 'order';
create unique index shipments_one_per_return_idx on shipments (return_id, purpose) where status <> 'failed' and return_id is not null;

-- Returned coffee is not for sale from its intake until its disposition is decided and carried out:
-- the shipping wallet holds it, and what batch_sellable counts leaves it out.
create function batch_returns_held(p_batch bigint, p_warehouse text) returns numeric language sql stable as $$
  select coalesce(sum(quantity), 0) from returns
  where batch_id = p_batch and status in ('received', 'inspected', 'deciding') and (p_warehouse is null or warehouse = p_warehouse)
$$;

create or replace function batch_sellable(p_batch bigint, p_warehouse text) returns numeric language sql stable as $$
  select greatest(coalesce(sum(s.balance), 0) - batch_returns_held(p_batch, p_warehouse), 0)
  from batches b join warehouse_stock s on s.chain_id = b.chain_id and s.token_id = b.token_id
  where b.id = p_batch and (p_warehouse is null or s.warehouse = p_warehouse)
    and not exists (
      select 1 from organisation_wallets w join organisations o on o.id = w.organisation_id
      where w.address = s.holder and o.kind in ('importer', 'roaster'))
$$;
revoke all on function batch_returns_held(bigint, text) from public;

alter table returns enable row level security;
alter table return_files enable row level security;
revoke all on returns, return_files from anon, authenticated;
