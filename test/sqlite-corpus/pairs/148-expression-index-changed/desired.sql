CREATE TABLE t (id INTEGER PRIMARY KEY, email TEXT);
CREATE INDEX t_e ON t (upper(email));
