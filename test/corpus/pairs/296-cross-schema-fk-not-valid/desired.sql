CREATE SCHEMA crm;
CREATE SCHEMA sales;
CREATE TABLE crm.customers (id bigint PRIMARY KEY);
CREATE TABLE sales.orders (id bigint PRIMARY KEY, customer_id bigint);
ALTER TABLE sales.orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES crm.customers NOT VALID;
