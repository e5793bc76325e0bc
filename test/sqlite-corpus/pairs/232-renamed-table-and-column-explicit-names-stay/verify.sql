SELECT b = 'x' AND c = 2 AND d = 3 FROM u;
