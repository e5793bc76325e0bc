SELECT a = 'q' FROM t;
