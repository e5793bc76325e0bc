CREATE TABLE users (id integer PRIMARY KEY, nick text);
