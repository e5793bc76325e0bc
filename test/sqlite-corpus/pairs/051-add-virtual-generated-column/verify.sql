SELECT sum(twice) = 24 FROM t;
