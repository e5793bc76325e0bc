CREATE TABLE posts (id integer PRIMARY KEY, published_at timestamptz, score integer);
CREATE INDEX posts_published_idx ON posts (published_at DESC);
CREATE INDEX posts_score_idx ON posts (score DESC, id ASC);
