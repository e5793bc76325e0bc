CREATE TABLE t (id integer PRIMARY KEY, a integer, b integer,
  CONSTRAINT ck_one CHECK (a > 0), CONSTRAINT ck_two CHECK (b > 0));
INSERT INTO t VALUES (1, 1, 1);
