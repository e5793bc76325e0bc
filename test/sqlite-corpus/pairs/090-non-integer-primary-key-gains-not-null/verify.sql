SELECT k = 'a' FROM t;
