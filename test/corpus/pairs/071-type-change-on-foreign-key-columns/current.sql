CREATE TABLE users (id integer PRIMARY KEY, name text);
CREATE TABLE orders (id integer PRIMARY KEY, user_id integer NOT NULL REFERENCES users (id) ON DELETE CASCADE);
CREATE INDEX orders_user_id_idx ON orders (user_id);
INSERT INTO users VALUES (1, 'a'), (2, 'b');
INSERT INTO orders VALUES (10, 1), (11, 2), (12, 2);
