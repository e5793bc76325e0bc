CREATE SCHEMA ref;
CREATE TABLE ref.currencies (code char(3) PRIMARY KEY, name text);
CREATE TABLE orders (id integer PRIMARY KEY, currency char(3) NOT NULL);
