SELECT a || b = 'ab' FROM t;
