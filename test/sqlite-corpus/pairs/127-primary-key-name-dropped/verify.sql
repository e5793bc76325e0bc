SELECT v = 'x' FROM t;
