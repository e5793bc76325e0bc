CREATE TABLE urls (id integer PRIMARY KEY, url text NOT NULL);
CREATE INDEX urls_url_idx ON urls USING hash (url);
INSERT INTO urls VALUES (1, 'http://x');
