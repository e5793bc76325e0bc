SELECT count(*) = 2 FROM u;
