SELECT count(*) = 3 FROM posts;
