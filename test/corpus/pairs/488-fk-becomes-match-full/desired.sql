CREATE TABLE p (a integer, b integer, PRIMARY KEY (a, b));
CREATE TABLE c (id integer PRIMARY KEY, a integer, b integer, FOREIGN KEY (a, b) REFERENCES p (a, b) MATCH FULL ON DELETE CASCADE);
