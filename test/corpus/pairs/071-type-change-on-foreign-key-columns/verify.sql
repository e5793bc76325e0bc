SELECT count(*) = 2 FROM orders WHERE user_id = 2;
