SELECT pcode = 10 FROM c;
