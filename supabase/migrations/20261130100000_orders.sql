-- Orders and reservations (issue 18): buyers order kilograms of named batches; confirming an order
-- reserves them, so what is promised to one buyer is never promised to another; shipping sends the
-- tokens to the buyer's wallet from the shipping wallet, and the order is shipped once the indexer
-- has that transaction. Reservations are bookings in the stock ledger (`reserved`, `released`):
-- they change no balance.

-- A buyer (importer, roaster) receives its tokens at its delivery wallet, one of its own wallets.
alter table organisations add column delivery_wallet text references organisation_wallets (address);
alter table organisations add constraint organisations_delivery_wallet_check
  check (delivery_wallet is null or kind in ('importer', 'roaster'));

create table organisation_addresses (
  id bigint generated always as identity primary key,
  organisation_id bigint not null references organisations (id) on delete cascade,
  label text not null check (length(btrim(label)) between 1 and 80),
  lines text not null check (length(btrim(lines)) between 1 and 500),
  country text not null check (length(country) between 2 and 80),
  created_at timestamptz not null default now(),
  unique (organisation_id, label)
);

create table orders (
  id bigint generated always as identity primary key,
  buyer_id bigint not null references organisations (id),
  status text not null default 'draft'
    check (status in ('draft', 'confirmed', 'reserved', 'shipped', 'delivered', 'cancelled', 'refunded')),
  currency text not null check (currency ~ '^[A-Z]{3}$'),
  delivery_address_id bigint references organisation_addresses (id),
  note text,
  -- A retried creation with the same key answers the first order; the request's hash tells a retry
  -- from a different order under a reused key.
  idempotency_key text unique check (length(idempotency_key) between 1 and 200),
  request_hash text,
  created_by bigint references users (id),
  confirmed_at timestamptz,
  shipped_at timestamptz,
  delivered_at timestamptz,
  cancelled_at timestamptz,
  refunded_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index orders_buyer_idx on orders (buyer_id, id);
create index orders_status_idx on orders (status, id);

create table order_lines (
  id bigint generated always as identity primary key,
  order_id bigint not null references orders (id) on delete cascade,
  batch_id bigint not null references batches (id),
  -- Reserve from this warehouse only; null: anywhere the batch lies.
  warehouse text references warehouses (code),
  -- Grams, the token's unit.
  quantity numeric(78, 0) not null check (quantity > 0),
  price_per_kg numeric(12, 2) not null check (price_per_kg >= 0),
  unique (order_id, batch_id)
);
create index order_lines_batch_idx on order_lines (batch_id);

-- What a line holds of its batch. `active` and `shipping` (sent, not yet indexed: in transit) count
-- against what is available; `shipped` once the indexer has the shipment; `released` on cancel;
-- `expired` when its time ran out first.
create table reservations (
  id bigint generated always as identity primary key,
  order_line_id bigint not null references order_lines (id) on delete cascade,
  batch_id bigint not null references batches (id),
  warehouse text,
  quantity numeric(78, 0) not null check (quantity > 0),
  status text not null default 'active' check (status in ('active', 'shipping', 'shipped', 'released', 'expired')),
  expires_at timestamptz not null,
  created_at timestamptz not null default now(),
  ended_at timestamptz
);
create index reservations_held_idx on reservations (batch_id, warehouse) where status in ('active', 'shipping');
create index reservations_due_idx on reservations (expires_at) where status = 'active';
-- A line holds at most one reservation at a time.
create unique index reservations_one_per_line_idx on reservations (order_line_id) where status in ('active', 'shipping', 'shipped');

-- A line's shipment: its transaction is signed and recorded before it is sent, so a crash at any
-- moment either finds it on chain or sends the very same transaction again (same nonce, same hash).
create table shipments (
  id bigint generated always as identity primary key,
  order_line_id bigint not null references order_lines (id) on delete cascade,
  reservation_id bigint not null references reservations (id),
  chain_id integer not null,
  token_id numeric(78, 0) not null,
  quantity numeric(78, 0) not null check (quantity > 0),
  -- `transfer` to the buyer's delivery wallet, or `redeem` for a buyer without one.
  method text not null check (method in ('transfer', 'redeem')),
  from_holder text not null,
  to_holder text,
  status text not null default 'queued' check (status in ('queued', 'sent', 'indexed', 'failed')),
  sender text,
  nonce integer,
  raw_tx text,
  tx_hash text unique,
  error text,
  created_at timestamptz not null default now(),
  sent_at timestamptz,
  indexed_at timestamptz,
  check ((method = 'transfer') = (to_holder is not null))
);
create index shipments_open_idx on shipments (id) where status in ('queued', 'sent');
-- One shipment per line, besides failed attempts.
create unique index shipments_one_per_line_idx on shipments (order_line_id) where status <> 'failed';

-- Bookings in the ledger: a reservation's `reserved` and its `released` (on cancel or expiry), once each.
alter table stock_movements add column reservation_id bigint references reservations (id);
alter table stock_movements drop constraint stock_movements_check;
alter table stock_movements drop constraint stock_movements_check1;
alter table stock_movements add constraint stock_movements_check check (
  type in ('reserved', 'released')
  or ((from_holder is null) = (from_warehouse is null) and (to_holder is null) = (to_warehouse is null)));
alter table stock_movements add constraint stock_movements_check1
  check (type in ('reserved', 'released') or from_holder is not null or to_holder is not null);
alter table stock_movements add constraint stock_movements_booking_check
  check ((type in ('reserved', 'released')) = (reservation_id is not null));
create unique index stock_movements_reservation_idx on stock_movements (reservation_id, type) where reservation_id is not null;

create or replace function stock_movements_apply() returns trigger language plpgsql as $$
declare
  m stock_movements := case when tg_op = 'INSERT' then new else old end;
  sign numeric := case when tg_op = 'INSERT' then 1 else -1 end;
begin
  -- A booking moves nothing.
  if m.type in ('reserved', 'released') then return null; end if;
  -- What arrives first, so a move (same holder, two warehouses) never dips below zero on the way.
  if m.to_holder is not null then perform stock_add(m.chain_id, m.token_id, m.to_holder, m.to_warehouse, sign * m.quantity); end if;
  if m.from_holder is not null then perform stock_add(m.chain_id, m.token_id, m.from_holder, m.from_warehouse, -sign * m.quantity); end if;
  -- Only what leaves or enters the chain's supply changes the batch's stock on hand.
  if (m.from_holder is null) <> (m.to_holder is null) then
    update batches set on_hand = coalesce(on_hand, 0) + case when m.to_holder is null then -sign else sign end * m.quantity, updated_at = now()
      where chain_id = m.chain_id and token_id = m.token_id;
  end if;
  return null;
end $$;

-- For sale: what holders other than buyers hold of a batch (at one warehouse, when given).
create function batch_sellable(p_batch bigint, p_warehouse text) returns numeric language sql stable as $$
  select coalesce(sum(s.balance), 0)
  from batches b join warehouse_stock s on s.chain_id = b.chain_id and s.token_id = b.token_id
  where b.id = p_batch and (p_warehouse is null or s.warehouse = p_warehouse)
    and not exists (
      select 1 from organisation_wallets w join organisations o on o.id = w.organisation_id
      where w.address = s.holder and o.kind in ('importer', 'roaster'))
$$;

-- Promised: reserved and in transit (at one warehouse, when given).
create function batch_reserved(p_batch bigint, p_warehouse text) returns numeric language sql stable as $$
  select coalesce(sum(quantity), 0) from reservations
  where batch_id = p_batch and status in ('active', 'shipping') and (p_warehouse is null or warehouse = p_warehouse)
$$;

alter table organisation_addresses enable row level security;
alter table orders enable row level security;
alter table order_lines enable row level security;
alter table reservations enable row level security;
alter table shipments enable row level security;
revoke all on organisation_addresses, orders, order_lines, reservations, shipments from anon, authenticated;
revoke all on function batch_sellable(bigint, text), batch_reserved(bigint, text) from public;

