SELECT count(*) = 2 FROM tokens;
