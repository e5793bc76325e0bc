CREATE TABLE t (id INTEGER PRIMARY KEY, s TEXT, CHECK ((s != '') and (length(s) < 10)));
INSERT INTO t VALUES (1, 'x');
