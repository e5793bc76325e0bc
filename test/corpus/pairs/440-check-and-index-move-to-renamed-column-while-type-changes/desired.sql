CREATE TABLE t (id integer PRIMARY KEY, amount bigint NOT NULL CHECK (amount >= 0));
CREATE INDEX t_amt_idx ON t (amount DESC) WHERE amount > 0;
