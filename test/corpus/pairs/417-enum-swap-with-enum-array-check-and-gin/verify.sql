SELECT hist = '{a,a}' FROM t WHERE id = 1;
