SELECT count(*) = 2 FROM parent;
