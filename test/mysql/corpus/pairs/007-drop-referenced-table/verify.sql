SELECT user_id = 1 FROM posts;
