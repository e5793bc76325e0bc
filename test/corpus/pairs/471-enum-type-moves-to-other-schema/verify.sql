SELECT unit = 'kg' FROM items;
