CREATE TABLE t (id integer PRIMARY KEY, c numeric NOT NULL, f numeric GENERATED ALWAYS AS (c * 1.8 + 32) STORED);
INSERT INTO t (id, c) VALUES (1, 10);
