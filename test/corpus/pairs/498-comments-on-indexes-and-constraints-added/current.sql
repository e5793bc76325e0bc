CREATE TABLE p (id integer PRIMARY KEY, code text UNIQUE);
CREATE TABLE c (id integer PRIMARY KEY, p integer REFERENCES p, n integer CHECK (n > 0));
CREATE INDEX c_n_idx ON c (n);
INSERT INTO p VALUES (1, 'a');
INSERT INTO c VALUES (1, 1, 5);
