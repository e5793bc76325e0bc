SELECT count(*) = 2 FROM t WHERE b IS NULL;
