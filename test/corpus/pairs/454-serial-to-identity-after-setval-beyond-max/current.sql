CREATE TABLE t (id serial PRIMARY KEY, v text);
INSERT INTO t (v) VALUES ('a'), ('b');
SELECT setval('t_id_seq', 500);
