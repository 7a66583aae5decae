-- The ledger's insert trigger runs once per statement: every movement that takes from a balance is
-- applied one at a time, in the order the rows were inserted (so a balance is checked at every
-- step, as before); arrivals at balances nothing leaves in the statement are added up; and each
-- batch's change of stock on hand is one UPDATE of batches, whose own triggers (the dashboard's
-- counters) then run once per statement, not per row.
-- A range of thousands of chain events is written as a few multi-row INSERTs (lib/stock/apply-event.ts).
-- Deletes (a reorg's undo, newest first) keep the row trigger.
create function stock_movements_apply_inserted() returns trigger language plpgsql as $$
declare
  m stock_movements;
begin
  -- What arrives at a holder nothing leaves in this statement can never fail nor be undercut, in
  -- whatever order it comes: those arrivals (most of a backfill: mints) are added up per balance.
  insert into holdings as h (chain_id, token_id, holder, balance)
    select chain_id, token_id, to_holder, sum(quantity) from new_rows
    where type not in ('reserved', 'released') and from_holder is null and to_holder is not null
      and (chain_id, token_id, to_holder) not in (select chain_id, token_id, from_holder from new_rows
        where type not in ('reserved', 'released') and from_holder is not null)
    group by chain_id, token_id, to_holder
    on conflict (chain_id, token_id, holder) do update set balance = h.balance + excluded.balance, updated_at = now();
  insert into warehouse_stock as w (chain_id, token_id, holder, warehouse, balance)
    select chain_id, token_id, to_holder, to_warehouse, sum(quantity) from new_rows
    where type not in ('reserved', 'released') and from_holder is null and to_holder is not null
      and (chain_id, token_id, to_holder) not in (select chain_id, token_id, from_holder from new_rows
        where type not in ('reserved', 'released') and from_holder is not null)
    group by chain_id, token_id, to_holder, to_warehouse
    on conflict (chain_id, token_id, holder, warehouse) do update set balance = w.balance + excluded.balance, updated_at = now();
  -- The rest one at a time, in the order they were inserted.
  for m in select * from new_rows
    where type not in ('reserved', 'released') and (from_holder is not null or to_holder is null
      or (chain_id, token_id, to_holder) in (select chain_id, token_id, from_holder from new_rows
        where type not in ('reserved', 'released') and from_holder is not null))
    order by id
  loop
    -- What arrives first, so a move (same holder, two warehouses) never dips below zero on the way.
    if m.to_holder is not null then perform stock_add(m.chain_id, m.token_id, m.to_holder, m.to_warehouse, m.quantity); end if;
    if m.from_holder is not null then perform stock_add(m.chain_id, m.token_id, m.from_holder, m.from_warehouse, -m.quantity); end if;
  end loop;
  -- Only what leaves or enters the chain's supply changes the batch's stock on hand (and batches
  -- see no statement, so no notification, when nothing did).
  if not exists (select from new_rows where type not in ('reserved', 'released') and (from_holder is null) <> (to_holder is null)) then
    return null;
  end if;
  update batches b set on_hand = coalesce(b.on_hand, 0) + d.delta, updated_at = now()
    from (
      select chain_id, token_id, sum(case when to_holder is null then -quantity else quantity end) as delta
      from new_rows
      where type not in ('reserved', 'released') and (from_holder is null) <> (to_holder is null)
      group by chain_id, token_id
    ) d
    where b.chain_id = d.chain_id and b.token_id = d.token_id;
  return null;
end $$;

drop trigger stock_movements_insert on stock_movements;
create trigger stock_movements_insert after insert on stock_movements referencing new table as new_rows
  for each statement execute function stock_movements_apply_inserted();
revoke all on function stock_movements_apply_inserted() from public;
