SELECT count(*) = 2 FROM authors;
