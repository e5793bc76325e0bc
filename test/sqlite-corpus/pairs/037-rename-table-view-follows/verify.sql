SELECT count(*) = 1 FROM tv;
