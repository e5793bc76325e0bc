CREATE TABLE users (id integer PRIMARY KEY, login text NOT NULL UNIQUE, nick text);
CREATE INDEX users_nick_idx ON users (nick) WHERE nick IS NOT NULL;
CREATE INDEX users_lower_login_idx ON users (lower(login));
INSERT INTO users VALUES (1, 'ann', 'A'), (2, 'Ann', 'a');
