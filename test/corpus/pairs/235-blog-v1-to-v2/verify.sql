SELECT count(*) = 2 FROM comments;
SELECT title = 'Hello' FROM posts WHERE id = 1;
