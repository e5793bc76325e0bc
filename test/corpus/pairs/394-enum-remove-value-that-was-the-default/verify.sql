SELECT status = 'draft' FROM posts WHERE id = 1;
