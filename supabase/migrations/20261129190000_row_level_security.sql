-- Supabase's PostgREST reads the database as `anon` (the public key) and `authenticated` (a
-- Supabase Auth user); Batchtrail uses neither, and talks to Postgres as its tables' owner, which
-- row-level security does not restrict. So every table gets RLS with no policy (those roles read
-- no row) and those roles lose every privilege. A table added later must enable RLS too:
-- test/row-level-security.test.ts fails while one does not.

-- They exist on Supabase; elsewhere they are made here so the same grants hold and can be tested.
do $$
begin
  if not exists (select 1 from pg_roles where rolname = 'anon') then create role anon nologin; end if;
  if not exists (select 1 from pg_roles where rolname = 'authenticated') then create role authenticated nologin; end if;
end $$;

-- Every table of schema public, including those other migrations added before this one.
do $$
declare
  t record;
begin
  for t in select schemaname, tablename from pg_tables where schemaname = 'public' loop
    execute format('alter table %I.%I enable row level security', t.schemaname, t.tablename);
  end loop;
  for t in select n.nspname, c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
           where n.nspname = 'public' and c.relkind in ('r', 'p', 'v', 'm', 'f') loop
    execute format('revoke all on %I.%I from anon, authenticated', t.nspname, t.relname);
  end loop;
end $$;

revoke all on all sequences in schema public from anon, authenticated;
-- PUBLIC holds EXECUTE on every function by default, and PostgREST offers them as /rpc.
revoke all on all functions in schema public from public, anon, authenticated;

-- Supabase grants those roles everything new in public by default; tables made after this one are not.
alter default privileges in schema public revoke all on tables from anon, authenticated;
alter default privileges in schema public revoke all on sequences from anon, authenticated;
alter default privileges in schema public revoke all on functions from public, anon, authenticated;
