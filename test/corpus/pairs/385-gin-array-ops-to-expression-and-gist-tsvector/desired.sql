CREATE TABLE articles (id integer PRIMARY KEY, tags text[], body text);
CREATE INDEX articles_tags_idx ON articles USING gin ((coalesce(tags, '{}')));
CREATE INDEX articles_body_idx ON articles USING gist (to_tsvector('simple', coalesce(body, '')));
