CREATE TABLE users (id integer NOT NULL, email text NOT NULL, CONSTRAINT users_email_key UNIQUE (email));
INSERT INTO users VALUES (1, 'a@x.test'), (2, 'b@x.test');
