CREATE TABLE t (id integer PRIMARY KEY, n integer NOT NULL, doubled integer GENERATED ALWAYS AS (n * 2) STORED);
