SELECT count(*) = 2 FROM t WHERE b = 7;
