CREATE TABLE posts (id integer PRIMARY KEY, title text, created date);
CREATE INDEX posts_main_idx ON posts (title);
CREATE INDEX posts_created_tmp ON posts (created);
INSERT INTO posts VALUES (1, 'a', '2024-01-01');
