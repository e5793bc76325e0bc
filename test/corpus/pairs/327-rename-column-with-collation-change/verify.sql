SELECT name = 'z' FROM t;
