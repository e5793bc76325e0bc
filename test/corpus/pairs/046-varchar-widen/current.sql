CREATE TABLE users (id integer PRIMARY KEY, username varchar(10) NOT NULL UNIQUE);
INSERT INTO users VALUES (1, 'ada'), (2, 'abcdefghij');
