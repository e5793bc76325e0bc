SELECT qty = 2 FROM lines;
