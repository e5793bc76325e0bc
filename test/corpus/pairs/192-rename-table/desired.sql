CREATE TABLE clients (id integer CONSTRAINT customer_pkey PRIMARY KEY, name text NOT NULL);
