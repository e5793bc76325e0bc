SELECT count(*) = 3 FROM posts;
SELECT count(*) = 2 FROM members;
