CREATE SCHEMA archive;
CREATE TABLE events (id bigserial PRIMARY KEY, kind text NOT NULL, at timestamptz NOT NULL DEFAULT now());
CREATE TABLE archive.events (id bigint PRIMARY KEY, kind text NOT NULL, at timestamptz NOT NULL, archived_at timestamptz DEFAULT now());
CREATE INDEX events_kind_idx ON archive.events (kind);
