-- Drafts exist before their token: token id and on-chain quantity come with the mint.
alter table batches alter column token_id drop not null;
alter table batches alter column onchain_quantity drop not null;
alter table batches add constraint batches_minted_has_token
  check (token_id is not null or status in ('draft', 'pending_mint'));

create table import_logs (
  id bigint generated always as identity primary key,
  chain_id integer not null,
  token_id numeric(78, 0) not null,
  batch_id bigint references batches (id),
  action text not null check (action in ('created', 'refreshed', 'failed')),
  message text,
  created_at timestamptz not null default now()
);

create index import_logs_token_idx on import_logs (chain_id, token_id);
