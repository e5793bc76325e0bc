CREATE TABLE t (id integer PRIMARY KEY, a text);
CREATE INDEX t_old_name ON t (lower(a) DESC) WHERE a <> '';
