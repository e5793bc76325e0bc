SELECT pid = 1 FROM c;
