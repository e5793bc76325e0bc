SELECT COUNT(*) = 2 FROM customers;
SELECT title = 'Lamp' AND tags = 'new,sale' AND JSON_VALUE(meta, '$.w') = 3 FROM products;
SELECT COUNT(*) = 1 FROM order_lines;
