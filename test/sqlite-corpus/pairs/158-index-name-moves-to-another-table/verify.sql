SELECT count(*) = 1 FROM b INDEXED BY shared_name WHERE y = 1;
