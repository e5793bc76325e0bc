CREATE TABLE posts (id integer PRIMARY KEY, title text, created date);
CREATE INDEX posts_main_idx ON posts (created);
