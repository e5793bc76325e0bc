CREATE TABLE t (id integer PRIMARY KEY, tags text[] COLLATE "C", extra varchar(5) COLLATE "POSIX" DEFAULT 'x');
