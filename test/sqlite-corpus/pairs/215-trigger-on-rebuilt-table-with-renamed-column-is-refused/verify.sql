SELECT a = 'a' FROM t;
