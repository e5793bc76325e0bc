SELECT count(*) = 2 FROM customers;
SELECT full_name = 'Ann' AND email_address = 'ann@x.io' FROM customers WHERE id = 1;
SELECT count(*) = 3 FROM orders o JOIN customers c ON c.id = o.customer_id;
SELECT to_regclass('customers_id_seq') IS NOT NULL AND to_regclass('clients_id_seq') IS NULL;
SELECT to_regclass('customers_pkey') IS NOT NULL AND to_regclass('customers_email_address_key') IS NOT NULL;
SELECT count(*) = 1 FROM pg_constraint WHERE conname = 'orders_customer_id_fkey';
SELECT to_regclass('orders_customer_id_idx') IS NOT NULL;
