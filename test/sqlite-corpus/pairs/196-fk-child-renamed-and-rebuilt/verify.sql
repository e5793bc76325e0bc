SELECT v = 'v' FROM child;
