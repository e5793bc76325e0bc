CREATE TABLE t (id integer PRIMARY KEY, name text COLLATE "und-x-icu");
CREATE INDEX t_name_posix_idx ON t (name COLLATE "POSIX");
CREATE INDEX t_name_idx ON t (name);
