CREATE TABLE t (id integer PRIMARY KEY, a text, b integer, c date);
CREATE INDEX t_mix_idx ON t (c NULLS FIRST, a text_pattern_ops, (b * 2) DESC);
