-- Terms the orders, returns and stock queries share, each defined once.

-- A line's amount: grams as kilograms times the price per kilogram, to the cent (order totals, a
-- return's refund, the value returned).
create function line_amount(p_grams numeric, p_price_per_kg numeric) returns numeric language sql immutable as $$
  select round(p_grams / 1000.0 * p_price_per_kg, 2)
$$;

-- A buyer's wallet: what it holds is sold, never for sale again.
create function is_buyer_wallet(p_address text) returns boolean language sql stable as $$
  select exists (
    select 1 from organisation_wallets w join organisations o on o.id = w.organisation_id
    where w.address = p_address and o.kind in ('importer', 'roaster'))
$$;

-- What the shipping wallet is sending from a holder's tokens: queued and sent shipments.
create function shipping_from(p_chain integer, p_token numeric, p_holder text) returns numeric language sql stable as $$
  select coalesce(sum(quantity), 0) from shipments
  where chain_id = p_chain and token_id = p_token and from_holder = p_holder and status in ('queued', 'sent')
$$;

create or replace function batch_sellable(p_batch bigint, p_warehouse text) returns numeric language sql stable as $$
  select greatest(coalesce(sum(s.balance), 0) - batch_returns_held(p_batch, p_warehouse), 0)
  from batches b join warehouse_stock s on s.chain_id = b.chain_id and s.token_id = b.token_id
  where b.id = p_batch and (p_warehouse is null or s.warehouse = p_warehouse) and not is_buyer_wallet(s.holder)
$$;

revoke all on function line_amount(numeric, numeric), is_buyer_wallet(text), shipping_from(integer, numeric, text) from public;
