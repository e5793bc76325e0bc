SELECT area = 6 FROM t;
