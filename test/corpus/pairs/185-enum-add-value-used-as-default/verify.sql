SELECT state = 'published' FROM docs WHERE title = 'a';
