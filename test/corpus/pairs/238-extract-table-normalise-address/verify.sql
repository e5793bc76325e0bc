SELECT count(address_id) = 0 FROM customers;
