SELECT count(*) = 1 FROM u INDEXED BY t_a WHERE a = 1;
