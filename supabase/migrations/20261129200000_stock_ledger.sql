-- The stock ledger (issue 17): warehouses, the append-only movement ledger, and the holdings it
-- sums to. The indexer writes movements from the batch token's events in the event's transaction;
-- triggers keep holdings, warehouse stock and each batch's on-hand quantity from them, so the
-- ledger and the balances cannot disagree, and a reorg that removes movements removes their effect.

create table warehouses (
  -- Fits the contract's bytes32 warehouse code.
  code text primary key check (code ~ '^[A-Z0-9][A-Z0-9-]{1,30}$'),
  name text not null unique check (length(name) between 1 and 120),
  country text not null check (length(country) between 2 and 80),
  address text,
  capacity_kg numeric(14, 3) not null check (capacity_kg > 0),
  is_active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table stock_movements (
  id bigint generated always as identity primary key,
  chain_id integer not null,
  token_id numeric(78, 0) not null,
  type text not null check (type in ('minted', 'transferred', 'moved', 'adjusted', 'redeemed', 'reserved', 'released', 'shipped', 'returned')),
  -- Grams, the token's unit.
  quantity numeric(78, 0) not null check (quantity > 0),
  from_holder text,
  to_holder text,
  -- Warehouse codes; '' where the chain named none.
  from_warehouse text,
  to_warehouse text,
  reason text check (reason in ('count_correction', 'damage', 'loss', 'sample', 'moisture_loss')),
  note text,
  actor text,
  -- The chain event a movement comes from (and which of its parts, for a TransferBatch); removed with it by a reorg.
  event_id bigint references blockchain_events (id),
  part integer not null default 0,
  tx_hash text,
  block_number bigint,
  occurred_at timestamptz not null default now(),
  created_at timestamptz not null default now(),
  unique (event_id, part),
  check ((from_holder is null) = (from_warehouse is null) and (to_holder is null) = (to_warehouse is null)),
  check (from_holder is not null or to_holder is not null),
  check (type <> 'adjusted' or reason is not null)
);
create index stock_movements_token_idx on stock_movements (chain_id, token_id, id);
create index stock_movements_occurred_idx on stock_movements (occurred_at, id);

-- What each holder holds of each batch: equal to balanceOf on chain.
create table holdings (
  chain_id integer not null,
  token_id numeric(78, 0) not null,
  holder text not null,
  balance numeric(78, 0) not null check (balance >= 0),
  updated_at timestamptz not null default now(),
  primary key (chain_id, token_id, holder)
);
create index holdings_holder_idx on holdings (holder) where balance > 0;

-- The same, per warehouse: a move can never take more from a warehouse than the holder has there.
create table warehouse_stock (
  chain_id integer not null,
  token_id numeric(78, 0) not null,
  holder text not null,
  warehouse text not null,
  balance numeric(78, 0) not null check (balance >= 0),
  updated_at timestamptz not null default now(),
  primary key (chain_id, token_id, holder, warehouse)
);
create index warehouse_stock_warehouse_idx on warehouse_stock (warehouse) where balance > 0;

-- Grams held on chain; null until the ledger has a movement for the batch.
alter table batches add column on_hand numeric(78, 0);

-- Nobody rewrites the ledger; a reorg deletes the movements of orphaned events.
create function stock_movements_refuse_update() returns trigger language plpgsql as $$
begin
  raise exception 'stock_movements is append-only';
end $$;
create trigger stock_movements_no_update before update on stock_movements for each row execute function stock_movements_refuse_update();

-- Adds `delta` grams to a holder's balance, in total and at a warehouse. A balance never passes below
-- zero (the check refuses it), and a balance back at zero leaves no row, as if it had never been held,
-- so a reorg's undo leaves what a clean run would.
create function stock_add(p_chain integer, p_token numeric, p_holder text, p_warehouse text, delta numeric) returns void language plpgsql as $$
begin
  if delta >= 0 then
    insert into holdings as h (chain_id, token_id, holder, balance) values (p_chain, p_token, p_holder, delta)
      on conflict (chain_id, token_id, holder) do update set balance = h.balance + excluded.balance, updated_at = now();
    insert into warehouse_stock as w (chain_id, token_id, holder, warehouse, balance) values (p_chain, p_token, p_holder, p_warehouse, delta)
      on conflict (chain_id, token_id, holder, warehouse) do update set balance = w.balance + excluded.balance, updated_at = now();
    return;
  end if;
  -- A candidate row is checked before its conflict is, so what is taken away updates (or finds nothing: below zero).
  update holdings set balance = balance + delta, updated_at = now() where chain_id = p_chain and token_id = p_token and holder = p_holder;
  if not found then
    raise exception using errcode = 'check_violation', message = format('%s holds none of token %s', p_holder, p_token);
  end if;
  update warehouse_stock set balance = balance + delta, updated_at = now() where chain_id = p_chain and token_id = p_token and holder = p_holder and warehouse = p_warehouse;
  if not found then
    raise exception using errcode = 'check_violation', message = format('%s holds none of token %s at warehouse "%s"', p_holder, p_token, p_warehouse);
  end if;
  delete from holdings where chain_id = p_chain and token_id = p_token and holder = p_holder and balance = 0;
  delete from warehouse_stock where chain_id = p_chain and token_id = p_token and holder = p_holder and warehouse = p_warehouse and balance = 0;
end $$;

create function stock_movements_apply() returns trigger language plpgsql as $$
declare
  m stock_movements := case when tg_op = 'INSERT' then new else old end;
  sign numeric := case when tg_op = 'INSERT' then 1 else -1 end;
begin
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
create trigger stock_movements_insert after insert on stock_movements for each row execute function stock_movements_apply();
create trigger stock_movements_delete after delete on stock_movements for each row execute function stock_movements_apply();

-- "In stock" counts what is on hand: a batch's on-chain holdings once the ledger knows them.
create or replace function batch_dimensions(b batches) returns table (dimension text, value text, kg numeric, usd numeric) language plpgsql immutable as $$
declare
  dollars numeric := round(coalesce(b.quantity_kg * b.price_per_kg, 0), 2);
  on_hand_kg numeric := coalesce(b.on_hand / 1000.0, b.quantity_kg);
begin
  return query values ('all', 'all', b.quantity_kg, dollars), ('status', b.status, b.quantity_kg, dollars),
    ('verification_status', b.verification_status, b.quantity_kg, dollars), ('sync_status', b.sync_status, b.quantity_kg, dollars),
    ('origin_country', b.origin_country, b.quantity_kg, dollars), ('process', coalesce(b.process, 'none'), b.quantity_kg, dollars),
    ('warehouse', coalesce(b.warehouse, 'none'), b.quantity_kg, dollars), ('quality_grade', coalesce(b.quality_grade, 'none'), b.quantity_kg, dollars),
    ('risk_level', coalesce(b.risk_level, 'none'), b.quantity_kg, dollars);
  if b.status in ('active', 'verified', 'flagged') then
    return query values ('expiry_date', b.expiry_date::text, b.quantity_kg, dollars),
      ('in_stock', 'all', on_hand_kg, round(coalesce(on_hand_kg * b.price_per_kg, 0), 2));
  end if;
end $$;

-- The counters start counting "in stock" for the rows as they are, with writers kept out meanwhile.
lock table batches in share row exclusive mode;
insert into count_deltas (dimension, value, n, kg, usd)
select d.dimension, d.value, count(*), sum(d.kg), sum(d.usd) from batches b cross join lateral batch_dimensions(b) d where d.dimension = 'in_stock' group by 1, 2;

alter table warehouses enable row level security;
alter table stock_movements enable row level security;
alter table holdings enable row level security;
alter table warehouse_stock enable row level security;
revoke all on warehouses, stock_movements, holdings, warehouse_stock from anon, authenticated;
revoke all on function stock_movements_refuse_update(), stock_movements_apply(), stock_add(integer, numeric, text, text, numeric) from public;

-- Organisation scope: the batches any of an organisation's wallets ever received.
create index stock_movements_to_holder_idx on stock_movements (to_holder, chain_id, token_id);

-- Stock actions sent from a wallet are followed like the others, and shown pending until indexed.
alter table blockchain_transactions drop constraint blockchain_transactions_kind_check;
alter table blockchain_transactions add constraint blockchain_transactions_kind_check
  check (kind in ('mint', 'mark_verified', 'chainlink_check', 'adjust_inventory', 'stock_move', 'stock_adjust', 'stock_transfer'));
