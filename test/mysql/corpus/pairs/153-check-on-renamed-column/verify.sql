SELECT num = 5 FROM t;
