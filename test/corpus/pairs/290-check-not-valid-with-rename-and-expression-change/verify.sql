SELECT v = -5 FROM m;
