CREATE SCHEMA shop;
CREATE TYPE public.status AS ENUM ('on', 'off');
CREATE TABLE public.switches (id integer PRIMARY KEY, status public.status);
INSERT INTO public.switches VALUES (1, 'on');
