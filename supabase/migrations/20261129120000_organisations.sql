-- Organisations own users and wallets. The operating company's staff see everything; a member of a
-- producer (cooperative, exporter) or buyer (importer, roaster) organisation sees only the batches
-- its organisation's wallets hold or held (lib/batches/scope.ts). A wallet's first sign-in makes a
-- pending user with no access until an admin approves it into an organisation.
create table organisations (
  id bigint generated always as identity primary key,
  name text not null unique check (length(btrim(name)) between 1 and 120),
  kind text not null check (kind in ('operator', 'cooperative', 'exporter', 'importer', 'roaster')),
  created_at timestamptz not null default now()
);
-- One operating company.
create unique index organisations_one_operator_idx on organisations (kind) where kind = 'operator';

-- A wallet belongs to one organisation, whether or not a user has signed in with it yet.
create table organisation_wallets (
  address text primary key check (address ~ '^0x[0-9a-f]{40}$'),
  organisation_id bigint not null references organisations (id) on delete cascade,
  added_at timestamptz not null default now()
);
create index organisation_wallets_organisation_idx on organisation_wallets (organisation_id, address);

alter table users add column organisation_id bigint references organisations (id);
alter table users add column is_pending boolean not null default false;

-- Scope reads batches by their holder wallet.
create index batches_owner_address_idx on batches (owner_address, id);

-- Everyone already here works for the operating company, except wallets that signed themselves in
-- (they were viewers of everything): they wait for an admin now.
insert into organisations (name, kind) values ('Operating company', 'operator');
update users set is_pending = true
  where password_hash is null and role = 'viewer' and exists (select 1 from wallets w where w.user_id = users.id);
update users set organisation_id = (select id from organisations where kind = 'operator') where not is_pending;
