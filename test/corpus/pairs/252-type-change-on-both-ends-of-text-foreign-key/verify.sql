SELECT category_code = '20' FROM items WHERE id = 2;
