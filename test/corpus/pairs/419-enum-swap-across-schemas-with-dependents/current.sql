CREATE SCHEMA types;
CREATE SCHEMA app;
CREATE TYPE types.status AS ENUM ('on', 'off', 'broken');
CREATE TABLE app.devices (id integer PRIMARY KEY, status types.status NOT NULL DEFAULT 'off',
  CHECK (status <> 'broken' OR id > 100));
CREATE INDEX devices_on_idx ON app.devices (id) WHERE status = 'on';
CREATE TABLE public.log (id integer PRIMARY KEY, status types.status, is_on boolean GENERATED ALWAYS AS (status = 'on') STORED);
INSERT INTO app.devices VALUES (1, 'on'), (101, 'broken');
INSERT INTO public.log (id, status) VALUES (1, 'broken');
