SELECT count(*) = 1 FROM T;
