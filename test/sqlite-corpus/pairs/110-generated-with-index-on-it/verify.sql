SELECT count(*) = 1 FROM t WHERE la = 'abc';
