CREATE TABLE t (id serial PRIMARY KEY, v text);
INSERT INTO t (v) VALUES ('a'), ('b'), ('c');
INSERT INTO t VALUES (40, 'd');
