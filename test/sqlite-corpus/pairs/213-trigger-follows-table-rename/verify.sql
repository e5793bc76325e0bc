SELECT count(*) = 1 FROM u;
