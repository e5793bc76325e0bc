CREATE TABLE words (id integer PRIMARY KEY, w text NOT NULL, v varchar(20));
