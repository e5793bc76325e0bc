CREATE SCHEMA billing;
CREATE TYPE billing.method AS ENUM ('cash', 'card', 'wallet', 'transfer');
CREATE TABLE billing.payments (id serial PRIMARY KEY, method billing.method NOT NULL);
