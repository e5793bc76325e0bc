CREATE TABLE t (id integer PRIMARY KEY, code text COLLATE "C", label varchar(20) COLLATE "POSIX");
