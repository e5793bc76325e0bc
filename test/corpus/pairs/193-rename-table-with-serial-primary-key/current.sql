CREATE TABLE post (id serial PRIMARY KEY, title text NOT NULL);
INSERT INTO post (title) VALUES ('a'), ('b');
