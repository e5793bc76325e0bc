SELECT temperature = 21.5 FROM sensors WHERE id = 1;
