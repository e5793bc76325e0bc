SELECT flags = '{new}' FROM products WHERE id = 1;
