CREATE TABLE p (a integer, b integer, PRIMARY KEY (a, b));
CREATE TABLE c (id integer PRIMARY KEY, a integer, b integer, FOREIGN KEY (a, b) REFERENCES p (a, b));
INSERT INTO p VALUES (1, 1), (1, 2);
INSERT INTO c VALUES (1, 1, 1), (2, NULL, NULL), (3, 1, 2);
