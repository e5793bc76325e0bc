SELECT author_id = 99 FROM books WHERE id = 2;
