CREATE SCHEMA archive;
CREATE TABLE events (id bigserial PRIMARY KEY, kind text NOT NULL, at timestamptz NOT NULL DEFAULT now());
INSERT INTO events (kind) VALUES ('login'), ('logout');
