CREATE SCHEMA billing;
CREATE TYPE billing.method AS ENUM ('card', 'transfer');
CREATE TABLE billing.payments (id serial PRIMARY KEY, method billing.method NOT NULL);
INSERT INTO billing.payments (method) VALUES ('card'), ('transfer');
