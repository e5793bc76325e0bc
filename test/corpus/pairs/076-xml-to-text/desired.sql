CREATE TABLE feeds (id integer PRIMARY KEY, body text);
