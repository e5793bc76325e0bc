SELECT parent = 2 FROM c;
