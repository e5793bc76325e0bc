CREATE TABLE posts (id integer PRIMARY KEY, published_at timestamptz);
CREATE INDEX posts_published_idx ON posts (published_at);
