SELECT flags = '{hot,new}'::text[] FROM products;
