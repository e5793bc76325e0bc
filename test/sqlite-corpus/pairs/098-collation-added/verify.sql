SELECT count(*) = 1 FROM t WHERE name = 'ANN';
