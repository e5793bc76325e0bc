CREATE TABLE users (id integer PRIMARY KEY, email text NOT NULL);
CREATE UNIQUE INDEX users_email_key ON users (email);
INSERT INTO users VALUES (1, 'a@x.test'), (2, 'b@x.test');
