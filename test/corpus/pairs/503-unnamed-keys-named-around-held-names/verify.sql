SELECT count(*) = 1 FROM pg_constraint WHERE conname = 't_a_key1';
SELECT count(*) = 1 FROM pg_constraint WHERE conname = 't_c_check1';
SELECT count(*) = 1 FROM pg_class WHERE relname = 't_b_idx1';
