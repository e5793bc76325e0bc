CREATE SCHEMA app;
CREATE TABLE app.events (id bigint PRIMARY KEY, kind text, at timestamptz, data jsonb);
INSERT INTO app.events VALUES (1, 'x', now(), '{}');
