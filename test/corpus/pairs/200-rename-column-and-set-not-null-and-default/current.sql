CREATE TABLE posts (id integer PRIMARY KEY, pub boolean);
INSERT INTO posts VALUES (1, true), (2, false);
