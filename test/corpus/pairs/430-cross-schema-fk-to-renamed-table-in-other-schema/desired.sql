CREATE SCHEMA core;
CREATE TABLE core.accounts (id integer PRIMARY KEY, name text, email text);
CREATE TABLE public.posts (id integer PRIMARY KEY, author integer REFERENCES core.accounts ON DELETE CASCADE);
