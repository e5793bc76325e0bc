CREATE SCHEMA app;
CREATE TABLE app.events (id bigint PRIMARY KEY, kind text, at timestamptz, data jsonb);
CREATE INDEX events_kind_at_idx ON app.events (kind COLLATE "C" text_pattern_ops, at DESC) INCLUDE (id) WHERE kind IS NOT NULL;
CREATE INDEX events_data_idx ON app.events USING gin (data jsonb_path_ops);
