SELECT title = 'LOTR' FROM books;
