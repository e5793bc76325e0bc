SELECT value = 'a' FROM t_v;
