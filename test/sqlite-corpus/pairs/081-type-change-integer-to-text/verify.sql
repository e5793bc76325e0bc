SELECT n = '42' FROM t;
