CREATE TABLE t (id integer PRIMARY KEY, raw text, cleaned text GENERATED ALWAYS AS (trim(raw)) STORED, keep integer);
INSERT INTO t (id, raw, keep) VALUES (1, ' x ', 5);
