SELECT doc @> '{"title": "a"}' FROM documents WHERE id = 1;
