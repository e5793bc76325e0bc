CREATE SCHEMA types;
CREATE SCHEMA app;
CREATE TYPE types.status AS ENUM ('on', 'off');
CREATE TABLE app.devices (id integer PRIMARY KEY, status types.status NOT NULL DEFAULT 'off');
CREATE INDEX devices_on_idx ON app.devices (id) WHERE status = 'on';
CREATE TABLE public.log (id integer PRIMARY KEY, status types.status, is_on boolean GENERATED ALWAYS AS (status = 'on') STORED);
