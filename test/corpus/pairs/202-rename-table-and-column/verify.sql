SELECT name = 'Music' FROM categories WHERE id = 2;
