SELECT count(*) = 1 FROM t_v WHERE w IS NULL;
