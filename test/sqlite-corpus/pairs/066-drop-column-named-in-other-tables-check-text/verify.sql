SELECT amount = 5 FROM t;
