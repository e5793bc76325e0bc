SELECT user_id = 2 FROM posts;
