-- Who may do what: users and their roles, wallet links, API keys, SIWE nonces, sign-in history, rate limits.
create table users (
  id bigint generated always as identity primary key,
  email text unique check (email = lower(email)),
  name text not null,
  password_hash text,
  role text not null default 'viewer' check (role in ('admin', 'operator', 'verifier', 'viewer')),
  is_active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table wallets (
  address text primary key check (address ~ '^0x[0-9a-f]{40}$'),
  user_id bigint not null references users (id) on delete cascade,
  linked_at timestamptz not null default now()
);

create table siwe_nonces (
  nonce text primary key,
  expires_at timestamptz not null,
  used_at timestamptz
);

create table api_keys (
  id bigint generated always as identity primary key,
  name text not null,
  prefix text not null unique,
  key_hash text not null,
  role text not null check (role in ('operator', 'verifier', 'viewer')),
  created_by bigint references users (id),
  created_at timestamptz not null default now(),
  last_used_at timestamptz,
  revoked_at timestamptz
);

create table sign_in_events (
  id bigint generated always as identity primary key,
  user_id bigint references users (id) on delete set null,
  method text not null check (method in ('password', 'siwe')),
  identifier text not null,
  is_success boolean not null,
  reason text,
  ip text,
  created_at timestamptz not null default now()
);

create index sign_in_events_created_idx on sign_in_events (created_at desc);

-- Fixed-window counters shared by every app instance.
create table rate_limits (
  key text not null,
  window_start timestamptz not null,
  count integer not null,
  primary key (key, window_start)
);
