CREATE TABLE users (id integer PRIMARY KEY, email text NOT NULL, CONSTRAINT users_email_key UNIQUE (email));
