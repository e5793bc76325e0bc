SELECT a = 1 AND c = 0 AND d = 4 FROM t;
