CREATE TABLE users (id integer PRIMARY KEY, email text NOT NULL, name text);
CREATE INDEX users_search_idx ON users (lower(email));
INSERT INTO users VALUES (1, 'a@x', 'Ann');
