SELECT b = 'q' FROM t;
