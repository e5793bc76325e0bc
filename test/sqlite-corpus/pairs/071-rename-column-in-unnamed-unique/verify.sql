SELECT b = 'x' FROM t;
