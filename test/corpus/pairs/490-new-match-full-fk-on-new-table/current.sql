CREATE TABLE p (a integer, b integer, PRIMARY KEY (a, b));
INSERT INTO p VALUES (1, 1);
