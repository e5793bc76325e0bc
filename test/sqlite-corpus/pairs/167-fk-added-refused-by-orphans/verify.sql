SELECT count(*) = 2 FROM c;
