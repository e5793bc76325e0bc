SELECT count(*) = 4 FROM t;
