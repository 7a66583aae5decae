-- The ledger's insert trigger runs once per statement: it still applies every movement to holdings
-- and warehouse stock one at a time, in the order the rows were inserted (so a balance is checked
-- at every step, as before), but sums each batch's change of stock on hand into one UPDATE of
-- batches, whose own triggers (the dashboard's counters) then run once per statement, not per row.
-- A range of thousands of chain events is written as a few multi-row INSERTs (lib/stock/apply-event.ts).
-- Deletes (a reorg's undo, newest first) keep the row trigger.
create function stock_movements_apply_inserted() returns trigger language plpgsql as $$
declare
  m stock_movements;
begin
  for m in select * from new_rows where type not in ('reserved', 'released') order by id loop
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
