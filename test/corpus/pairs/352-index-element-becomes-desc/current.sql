CREATE TABLE posts (id integer PRIMARY KEY, published_at timestamptz, score integer);
CREATE INDEX posts_published_idx ON posts (published_at);
CREATE INDEX posts_score_idx ON posts (score, id);
INSERT INTO posts VALUES (1, now(), 5);
