SELECT a = 'x' AND e = 'y' FROM t;
