CREATE TABLE users (uid integer PRIMARY KEY, name text);
CREATE TABLE posts (id integer PRIMARY KEY, uid integer REFERENCES users (uid));
INSERT INTO users VALUES (1, 'a'), (2, 'b');
INSERT INTO posts VALUES (1, 2);
