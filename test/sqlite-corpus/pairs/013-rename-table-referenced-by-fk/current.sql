CREATE TABLE accounts (id INTEGER PRIMARY KEY, name TEXT);
CREATE TABLE posts (id INTEGER PRIMARY KEY, account_id INTEGER REFERENCES accounts (id) ON DELETE CASCADE);
INSERT INTO accounts VALUES (1, 'a'), (2, 'b');
INSERT INTO posts VALUES (1, 1), (2, 2), (3, 2);
