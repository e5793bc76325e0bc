CREATE TABLE t (id integer PRIMARY KEY, a integer NOT NULL, doubled integer GENERATED ALWAYS AS (a * 2) STORED);
INSERT INTO t (id, a) VALUES (1, 21);
