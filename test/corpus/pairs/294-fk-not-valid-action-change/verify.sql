SELECT author_id = 7 FROM books;
