CREATE TABLE t (id integer PRIMARY KEY, v text);
CREATE INDEX t_v_idx ON t (v) WITH (fillfactor = 50);
CREATE TABLE log (id bigint GENERATED ALWAYS AS IDENTITY, line text) WITH (fillfactor = 100, autovacuum_enabled = false, toast.autovacuum_enabled = false);
CREATE INDEX log_line_idx ON log (line) WITH (deduplicate_items = on);
