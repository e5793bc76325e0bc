SELECT count(*) = 2 FROM articles;
SELECT title = 'b' FROM articles WHERE id = 2;
