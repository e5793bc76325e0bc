SELECT v = 'a' FROM t;
SELECT count(*) = 1 FROM t_v;
