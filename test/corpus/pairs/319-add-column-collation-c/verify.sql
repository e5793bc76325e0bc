SELECT count(*) = 2 FROM words;
