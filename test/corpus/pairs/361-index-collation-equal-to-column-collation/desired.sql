CREATE TABLE t (id integer PRIMARY KEY, a text COLLATE "C", b text COLLATE "C");
CREATE INDEX t_a_idx ON t (a COLLATE "C");
CREATE INDEX t_b_idx ON t (b COLLATE "POSIX" text_pattern_ops DESC NULLS LAST);
