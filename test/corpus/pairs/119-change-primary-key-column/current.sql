CREATE TABLE users (id integer PRIMARY KEY, email text NOT NULL, name text);
INSERT INTO users VALUES (1, 'a@x.test', 'A'), (2, 'b@x.test', 'B');
