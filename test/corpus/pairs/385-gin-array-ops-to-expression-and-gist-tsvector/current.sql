CREATE TABLE articles (id integer PRIMARY KEY, tags text[], body text);
CREATE INDEX articles_tags_idx ON articles USING gin (tags);
INSERT INTO articles VALUES (1, '{a}', 'hello');
