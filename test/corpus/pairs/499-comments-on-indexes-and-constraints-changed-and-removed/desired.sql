CREATE TABLE p (id integer PRIMARY KEY, code text UNIQUE);
CREATE TABLE c (id integer PRIMARY KEY, p integer REFERENCES p, n integer CHECK (n > 0));
CREATE INDEX c_n_idx ON c (n);
COMMENT ON CONSTRAINT p_pkey ON p IS 'the primary key';
COMMENT ON CONSTRAINT c_n_check ON c IS 'strictly positive';
COMMENT ON INDEX c_n_idx IS 'by n, ascending';
COMMENT ON INDEX p_code_key IS 'the index itself';
