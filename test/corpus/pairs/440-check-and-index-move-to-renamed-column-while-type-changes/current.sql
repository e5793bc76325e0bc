CREATE TABLE t (id integer PRIMARY KEY, amt integer NOT NULL CHECK (amt >= 0));
CREATE INDEX t_amt_idx ON t (amt DESC) WHERE amt > 0;
INSERT INTO t VALUES (1, 5), (2, 0);
