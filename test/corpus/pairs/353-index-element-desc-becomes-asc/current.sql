CREATE TABLE posts (id integer PRIMARY KEY, published_at timestamptz);
CREATE INDEX posts_published_idx ON posts (published_at DESC);
INSERT INTO posts VALUES (1, now());
