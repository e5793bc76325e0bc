SELECT count(*) = 1 FROM c;
