SELECT count(*) = 3 FROM nodes;
