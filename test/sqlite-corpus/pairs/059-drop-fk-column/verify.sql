SELECT v = 'v' FROM c;
