-- The rollups' own notes on batches (what each last counted as, when it left the stock) were tied
-- to batches by foreign keys, whose checks run row by row: a first refresh at a million batches
-- spent more time checking them than writing them. Only the refresh writes these rows, always for
-- batches it has just read; a batch's delete (a reorg's undo, say) still takes its notes with it,
-- once per statement.
alter table analytics_batch_facts drop constraint analytics_batch_facts_batch_id_fkey;
alter table analytics_removals drop constraint analytics_removals_batch_id_fkey;

create function analytics_forget_batches() returns trigger language plpgsql as $$
begin
  delete from analytics_batch_facts where batch_id in (select id from old_rows);
  delete from analytics_removals where batch_id in (select id from old_rows);
  return null;
end $$;

create trigger batches_analytics_forget after delete on batches referencing old table as old_rows
  for each statement execute function analytics_forget_batches();
revoke all on function analytics_forget_batches() from public;
