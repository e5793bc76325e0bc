CREATE TABLE t (id integer PRIMARY KEY, a text, b integer, c date);
CREATE INDEX t_mix_idx ON t (a text_pattern_ops, (b * 2) DESC, c NULLS FIRST);
INSERT INTO t VALUES (1, 'x', 1, NULL);
