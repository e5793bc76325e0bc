SELECT a = 'x' FROM t;
