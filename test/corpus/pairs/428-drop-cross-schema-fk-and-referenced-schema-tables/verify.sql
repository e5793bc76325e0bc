SELECT country = 'DE' FROM shop.customers;
