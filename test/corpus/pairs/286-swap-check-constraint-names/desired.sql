CREATE TABLE t (id integer PRIMARY KEY, a integer, b integer,
  CONSTRAINT ck_two CHECK (a > 0), CONSTRAINT ck_one CHECK (b > 0));
