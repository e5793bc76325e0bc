CREATE TABLE t (id integer PRIMARY KEY, a text, b text, c text);
CREATE INDEX t_a_idx ON t (a COLLATE "C");
CREATE INDEX t_b_idx ON t (b COLLATE "und-x-icu");
CREATE INDEX t_c_idx ON t (c);
