CREATE TABLE t (id integer PRIMARY KEY, n integer, m integer, CONSTRAINT t_n_check CHECK (n > 0));
CREATE INDEX t_n_idx ON t (n);
CREATE INDEX t_m_idx ON t (m);
COMMENT ON CONSTRAINT t_pkey ON t IS 'the key';
COMMENT ON CONSTRAINT t_n_check ON t IS 'positive';
COMMENT ON INDEX t_n_idx IS 'by n';
COMMENT ON INDEX t_m_idx IS 'by m';
INSERT INTO t VALUES (1, 1, 1);
