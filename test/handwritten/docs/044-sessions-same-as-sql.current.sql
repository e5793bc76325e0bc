create table accounts (
  id uuid default gen_random_uuid() not null,
  login text not null,
  password_hash bytea,
  locked boolean default false not null,
  constraint accounts_pkey primary key (id)
);
create unique index accounts_lower_idx on accounts using btree (lower(login));
create table sessions (
  token character(64) primary key,
  account_id uuid not null,
  ip inet,
  user_agent character varying(512),
  created_at timestamptz(3) default current_timestamp not null,
  expires_at timestamp(3) with time zone not null,
  revoked_at timestamp (3) with time zone,
  constraint sessions_check check (expires_at > created_at),
  foreign key (account_id) references accounts(id) on delete cascade
);
create index sessions_account_id_idx on sessions (account_id) where revoked_at is null;
create index sessions_expires_at_idx on sessions using brin (expires_at);
insert into accounts (id, login) values ('11111111-1111-4111-8111-111111111111', 'Alice'), ('22222222-2222-4222-8222-222222222222', 'bob');
insert into sessions values (repeat('a', 64), '11111111-1111-4111-8111-111111111111', '10.0.0.1', 'curl/8', '2024-01-01', '2024-01-02', null);
