CREATE TABLE feeds (id integer PRIMARY KEY, body xml);
INSERT INTO feeds VALUES (1, '<rss><item>a</item></rss>'), (2, NULL);
