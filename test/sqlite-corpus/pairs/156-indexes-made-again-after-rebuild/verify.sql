SELECT count(*) = 2 FROM t;
SELECT count(*) = 1 FROM t INDEXED BY t_b WHERE b = 'y' AND b IS NOT NULL;
