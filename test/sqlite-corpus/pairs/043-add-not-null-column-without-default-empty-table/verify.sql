SELECT count(*) = 0 FROM t;
