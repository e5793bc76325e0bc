SELECT s = 'x' FROM t;
