SELECT is_published FROM posts WHERE id = 1;
