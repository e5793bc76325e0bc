CREATE TABLE t (id INTEGER PRIMARY KEY, email TEXT);
CREATE UNIQUE INDEX t_lower_email ON t (lower(email));
CREATE INDEX t_len ON t (length(email) * 2, id);
