SELECT sum(n) = 30 FROM t;
