SELECT featured_book_id = 100 FROM authors;
