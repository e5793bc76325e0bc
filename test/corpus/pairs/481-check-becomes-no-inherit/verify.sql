SELECT sum(n) = 12 FROM t;
