CREATE TABLE users (id integer NOT NULL UNIQUE, email text PRIMARY KEY, name text);
