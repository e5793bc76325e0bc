CREATE TABLE p (a integer, b integer, PRIMARY KEY (a, b));
CREATE TABLE c (id integer PRIMARY KEY, a integer, b integer,
  CONSTRAINT c_ab_fkey FOREIGN KEY (a, b) REFERENCES p (a, b) MATCH FULL DEFERRABLE);
INSERT INTO p VALUES (1, 1);
INSERT INTO c VALUES (1, 1, 1), (2, NULL, NULL);
