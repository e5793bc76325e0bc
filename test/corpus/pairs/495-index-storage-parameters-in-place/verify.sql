SELECT count(*) = 50 FROM t WHERE tags @> ARRAY['a'];
