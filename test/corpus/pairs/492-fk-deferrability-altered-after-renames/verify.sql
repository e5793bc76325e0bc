SELECT count(*) = 1 FROM child;
