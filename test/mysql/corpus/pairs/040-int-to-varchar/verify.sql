SELECT a = '42' FROM t;
