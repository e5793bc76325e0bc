SELECT n = 42 FROM counters;
