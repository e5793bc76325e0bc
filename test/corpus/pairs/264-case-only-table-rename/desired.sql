CREATE TABLE "Customers" (id integer PRIMARY KEY, name text);
