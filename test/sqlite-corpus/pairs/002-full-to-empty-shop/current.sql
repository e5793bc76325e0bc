CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT NOT NULL UNIQUE);
CREATE TABLE orders (id INTEGER PRIMARY KEY, user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE);
CREATE TABLE items (order_id INTEGER REFERENCES orders (id), n INTEGER);
CREATE INDEX items_order_idx ON items (order_id);
INSERT INTO users VALUES (1, 'a@x'), (2, 'b@x');
INSERT INTO orders VALUES (1, 1), (2, 2);
INSERT INTO items VALUES (1, 5), (2, 6);
