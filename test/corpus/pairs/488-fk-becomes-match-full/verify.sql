SELECT count(*) = 3 FROM c;
SELECT confmatchtype = 'f' FROM pg_constraint WHERE conname = 'c_a_b_fkey';
