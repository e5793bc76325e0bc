CREATE SCHEMA shop;
CREATE TYPE public.status AS ENUM ('on', 'off');
CREATE TYPE shop.status AS ENUM ('open', 'closed', 'holiday');
CREATE TABLE public.switches (id integer PRIMARY KEY, status public.status);
CREATE TABLE shop.stores (id integer PRIMARY KEY, status shop.status NOT NULL DEFAULT 'open', switch_status public.status);
