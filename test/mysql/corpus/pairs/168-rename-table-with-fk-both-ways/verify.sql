SELECT best = 1 FROM users;
SELECT uid = 1 FROM posts;
