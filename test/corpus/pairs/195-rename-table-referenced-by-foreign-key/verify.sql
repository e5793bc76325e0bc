SELECT count(*) = 2 FROM orders JOIN customers ON customers.id = orders.cust_id;
