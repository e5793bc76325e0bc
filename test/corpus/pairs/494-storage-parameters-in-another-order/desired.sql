CREATE TABLE t (id integer PRIMARY KEY, v text) WITH (fillfactor = 90, autovacuum_enabled = false);
CREATE INDEX t_v_idx ON t (v) WITH (fillfactor = 70, deduplicate_items = off);
