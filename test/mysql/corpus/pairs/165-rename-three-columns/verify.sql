SELECT p = 1 AND q = 2 AND r = 3 FROM t;
