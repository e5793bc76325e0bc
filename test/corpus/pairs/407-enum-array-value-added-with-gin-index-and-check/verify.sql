SELECT flags = '{hot}' FROM products;
