CREATE SCHEMA crm;
CREATE SCHEMA sales;
CREATE TABLE crm.customers (id bigint PRIMARY KEY);
CREATE TABLE sales.orders (id bigint PRIMARY KEY, customer_id bigint);
INSERT INTO crm.customers VALUES (1);
INSERT INTO sales.orders VALUES (1, 1), (2, 404);
