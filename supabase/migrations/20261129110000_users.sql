-- Users who run themselves: invitations, password set-up and reset links, TOTP, sessions that end, caught mail.

-- Bumped by sign-out, deactivation and a password change: every session token carrying an older one stops working.
alter table users
  add column session_version integer not null default 1,
  add column totp_secret text,
  add column totp_enabled_at timestamptz,
  add column totp_last_step bigint;

-- Single-use links (invitation, password set-up or reset, first admin); only a SHA-256 of the token is kept.
create table auth_tokens (
  id bigint generated always as identity primary key,
  purpose text not null check (purpose in ('invitation', 'password_reset', 'first_admin')),
  token_hash text not null unique,
  user_id bigint references users (id) on delete cascade,
  email text check (email = lower(email)),
  role text,
  created_by bigint references users (id) on delete set null,
  expires_at timestamptz not null,
  used_at timestamptz,
  created_at timestamptz not null default now()
);

create index auth_tokens_email_idx on auth_tokens (purpose, email) where used_at is null;

-- Mail the embedded SMTP catcher received (the local stack and the tests); empty where real SMTP is used.
create table caught_mails (
  id bigint generated always as identity primary key,
  mail_from text,
  rcpt_to text[] not null,
  subject text,
  text_body text,
  received_at timestamptz not null default now()
);

-- Tokens and mail are for the app's own role only: with Supabase, the anon and authenticated roles read nothing.
alter table auth_tokens enable row level security;
alter table caught_mails enable row level security;
