CREATE SCHEMA core;
CREATE TABLE core.acct (id integer PRIMARY KEY, name text, email text);
CREATE TABLE public.posts (id integer PRIMARY KEY, author integer REFERENCES core.acct ON DELETE CASCADE);
INSERT INTO core.acct VALUES (1, 'a', 'a@x');
INSERT INTO public.posts VALUES (1, 1);
