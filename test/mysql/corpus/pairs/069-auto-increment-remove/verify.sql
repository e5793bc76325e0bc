SELECT id = 1 FROM t;
