CREATE TABLE t (id integer PRIMARY KEY, code text NOT NULL CHECK (code > 'A'));
INSERT INTO t VALUES (1, 'b');
