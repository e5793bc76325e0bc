SELECT code = 'ab' AND label = 'xy' FROM t;
