SELECT author_id = 3 FROM books;
