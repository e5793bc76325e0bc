SELECT count(*) = 2 FROM c WHERE pid = 1;
