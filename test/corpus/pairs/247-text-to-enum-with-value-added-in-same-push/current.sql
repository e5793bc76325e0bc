CREATE TYPE order_state AS ENUM ('new', 'paid');
CREATE TABLE orders (id integer PRIMARY KEY, state text NOT NULL DEFAULT 'new');
INSERT INTO orders VALUES (1, 'new'), (2, 'paid'), (3, 'refunded');
