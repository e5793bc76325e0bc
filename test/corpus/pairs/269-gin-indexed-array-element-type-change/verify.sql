SELECT tags @> '{sql}' FROM articles WHERE id = 1;
