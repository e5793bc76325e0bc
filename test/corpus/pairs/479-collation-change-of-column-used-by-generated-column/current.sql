CREATE TABLE t (id integer PRIMARY KEY, name text NOT NULL, shout text GENERATED ALWAYS AS (upper(name)) STORED);
INSERT INTO t (id, name) VALUES (1, 'ann');
