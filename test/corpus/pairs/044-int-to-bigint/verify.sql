SELECT hits = 2147483647 FROM page_hits WHERE id = 1;
