CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT NOT NULL UNIQUE, name TEXT DEFAULT 'x');
CREATE TABLE orders (id INTEGER PRIMARY KEY AUTOINCREMENT, user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE, total REAL CHECK (total > 0));
CREATE INDEX orders_user_idx ON orders (user_id DESC);
INSERT INTO users VALUES (1, 'a@x', 'A');
INSERT INTO orders (user_id, total) VALUES (1, 9.5);
