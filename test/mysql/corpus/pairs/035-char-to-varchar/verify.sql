SELECT a = 'ab' FROM t;
