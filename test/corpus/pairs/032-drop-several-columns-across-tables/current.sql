CREATE TABLE customers (id integer PRIMARY KEY, name text NOT NULL, fax varchar(30), pager varchar(30));
CREATE TABLE invoices (id integer PRIMARY KEY, customer_id integer REFERENCES customers, total numeric(10,2), printed boolean DEFAULT false);
INSERT INTO customers VALUES (1, 'Acme', '555', NULL), (2, 'Globex', NULL, '777');
INSERT INTO invoices VALUES (1, 1, 10.00, true), (2, 2, 20.50, false);
