SELECT count(*) = 2 FROM shirts;
