CREATE TABLE public.keep (id integer PRIMARY KEY, legacy_a integer);
