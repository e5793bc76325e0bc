SELECT parent = 1 FROM c;
