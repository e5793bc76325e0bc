SELECT s = 'b' FROM t;
