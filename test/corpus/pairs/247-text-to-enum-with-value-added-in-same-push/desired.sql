CREATE TYPE order_state AS ENUM ('new', 'paid', 'refunded');
CREATE TABLE orders (id integer PRIMARY KEY, state order_state NOT NULL DEFAULT 'new');
