SELECT s = 'x,y' FROM t;
