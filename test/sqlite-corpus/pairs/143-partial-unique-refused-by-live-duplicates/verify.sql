SELECT count(*) = 3 FROM t;
