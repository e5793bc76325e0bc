CREATE TABLE t (id integer PRIMARY KEY, name text);
CREATE INDEX t_lower_name_idx ON t ((lower(name)) COLLATE "C" text_pattern_ops DESC);
CREATE INDEX t_name_c_idx ON t ((name COLLATE "C"));
