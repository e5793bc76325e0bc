SELECT count(*) = 2 FROM t WHERE n = 6 AND d IS NOT NULL;
