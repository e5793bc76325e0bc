SELECT count(*) = 0 FROM t WHERE name = 'ANN';
