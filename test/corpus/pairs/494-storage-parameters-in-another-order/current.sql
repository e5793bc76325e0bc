CREATE TABLE t (id integer PRIMARY KEY, v text) WITH (autovacuum_enabled = false, fillfactor = 90);
CREATE INDEX t_v_idx ON t (v) WITH (deduplicate_items = off, fillfactor = 70);
INSERT INTO t VALUES (1, 'a');
