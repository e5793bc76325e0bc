CREATE TABLE t (id integer PRIMARY KEY, a text);
CREATE INDEX t_new_name ON t (lower(a) DESC) WHERE a <> '';
