CREATE TABLE t (id integer PRIMARY KEY, a text, b text);
CREATE INDEX ON t (lower(a));
CREATE INDEX ON t (lower(b));
CREATE INDEX ON t ((a || b));
CREATE INDEX ON t (upper(a), lower(b));
