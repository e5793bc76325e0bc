SELECT uv = 'A' FROM t_v;
