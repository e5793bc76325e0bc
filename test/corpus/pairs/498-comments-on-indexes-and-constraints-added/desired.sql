CREATE TABLE p (id integer PRIMARY KEY, code text UNIQUE);
CREATE TABLE c (id integer PRIMARY KEY, p integer REFERENCES p, n integer CHECK (n > 0));
CREATE INDEX c_n_idx ON c (n);
COMMENT ON CONSTRAINT p_pkey ON p IS 'the key';
COMMENT ON CONSTRAINT p_code_key ON p IS 'codes are unique';
COMMENT ON CONSTRAINT c_p_fkey ON c IS 'the parent, it''s p';
COMMENT ON CONSTRAINT c_n_check ON c IS 'positive';
COMMENT ON INDEX c_n_idx IS 'by n';
