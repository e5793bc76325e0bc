CREATE TABLE articles (id integer PRIMARY KEY, tags varchar(20)[] NOT NULL DEFAULT '{}');
CREATE INDEX articles_tags_idx ON articles USING gin (tags);
INSERT INTO articles VALUES (1, '{db,sql}'), (2, DEFAULT);
