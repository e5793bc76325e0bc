SELECT count(*) = 1 FROM articles WHERE title = 'untitled';
