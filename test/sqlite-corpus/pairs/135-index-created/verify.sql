SELECT count(*) = 1 FROM t INDEXED BY t_ba_idx WHERE b = 'y';
