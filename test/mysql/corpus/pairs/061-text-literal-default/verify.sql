SELECT t1 = 'hello' AND j = '{}' FROM t;
