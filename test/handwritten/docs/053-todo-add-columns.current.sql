CREATE TABLE todos (id serial PRIMARY KEY, title text NOT NULL, done bool NOT NULL DEFAULT 'f');
INSERT INTO todos (title) VALUES ('buy milk'), ('write tests');
UPDATE todos SET done = true WHERE id = 1;
