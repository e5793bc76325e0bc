CREATE TABLE t (id INTEGER PRIMARY KEY, ts TEXT DEFAULT (strftime('%s', 'now')));
