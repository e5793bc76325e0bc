CREATE TABLE users (
    id serial PRIMARY KEY,
    email varchar(255) NOT NULL UNIQUE,
    display_name text,
    birthday date,
    balance numeric(12,2) NOT NULL DEFAULT 0.00,
    avatar bytea,
    preferences jsonb NOT NULL DEFAULT '{}'::jsonb,
    last_ip inet,
    api_key uuid,
    is_admin boolean NOT NULL DEFAULT false,
    nickname varchar(30),
    score double precision
);
