SELECT pid = 2 FROM c;
