SELECT unit = 'kg' FROM ingredients WHERE id = 1;
