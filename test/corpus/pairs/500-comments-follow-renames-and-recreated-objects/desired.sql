CREATE TABLE u (id integer PRIMARY KEY, n integer, m integer, CONSTRAINT u_n_check CHECK (n > 0));
CREATE INDEX u_n_idx ON u (n);
CREATE INDEX t_m_idx ON u (m DESC);
COMMENT ON CONSTRAINT u_pkey ON u IS 'the key';
COMMENT ON CONSTRAINT u_n_check ON u IS 'positive';
COMMENT ON INDEX u_n_idx IS 'by n';
COMMENT ON INDEX t_m_idx IS 'by m';
