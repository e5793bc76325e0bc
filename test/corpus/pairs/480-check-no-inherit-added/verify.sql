SELECT count(*) = 2 FROM t;
SELECT connoinherit FROM pg_constraint WHERE conname = 't_n_positive';
