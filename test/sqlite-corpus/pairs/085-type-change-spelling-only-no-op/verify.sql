SELECT n = 'x' FROM t;
