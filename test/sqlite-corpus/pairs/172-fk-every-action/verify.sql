SELECT a + b + d + e + f = 5 FROM c;
