SELECT views = 3 FROM articles WHERE title = 'a';
