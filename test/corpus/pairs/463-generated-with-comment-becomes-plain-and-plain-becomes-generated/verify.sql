SELECT g = 2 AND p = 10 FROM t;
