CREATE TABLE users (id integer PRIMARY KEY, handle text NOT NULL, age integer, website text);
