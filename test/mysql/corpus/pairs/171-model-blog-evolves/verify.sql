SELECT status = 'published' AND views = 0 FROM post;
SELECT name = 'Ann' FROM users;
