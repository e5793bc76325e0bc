SELECT tid = 5 FROM t;
