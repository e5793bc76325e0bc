SELECT count(*) = 1 FROM comments;
