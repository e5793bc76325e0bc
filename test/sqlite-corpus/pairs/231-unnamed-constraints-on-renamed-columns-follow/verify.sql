SELECT a2 = 'x' AND parent = 1 AND c2 = 1 FROM t;
