SELECT count(*) = 1 FROM t WHERE a IS NULL;
