SELECT a = 'short' FROM t;
