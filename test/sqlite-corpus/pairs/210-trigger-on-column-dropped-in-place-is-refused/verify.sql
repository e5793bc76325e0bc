SELECT v = 'a' FROM t;
