SELECT hi = 2 FROM t;
