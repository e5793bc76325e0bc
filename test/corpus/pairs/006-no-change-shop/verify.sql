SELECT count(*) = 3 FROM users;
SELECT count(*) = 4 FROM order_items;
