SELECT count(*) = 1 FROM t INDEXED BY t_new WHERE a = 'x';
