-- serial keys that outgrow integer: integer -> bigint is a safe change
CREATE TABLE users (id serial PRIMARY KEY, name text);
CREATE TABLE posts (id serial PRIMARY KEY, user_id int NOT NULL REFERENCES users, views int NOT NULL DEFAULT 0);
INSERT INTO users (name) VALUES ('a'), ('b');
INSERT INTO posts (user_id, views) VALUES (1, 5), (2, 2147483647);
