CREATE TABLE t (id integer PRIMARY KEY, a bigint NOT NULL, doubled bigint GENERATED ALWAYS AS (a * 2) STORED);
