CREATE TABLE receipts (id serial PRIMARY KEY, total numeric(8,2) NOT NULL);
