SELECT amount = 4 FROM t;
