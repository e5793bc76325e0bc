CREATE TABLE articles (id serial PRIMARY KEY, title text NOT NULL, views integer, lang varchar(5), published boolean);
INSERT INTO articles (title, views) VALUES ('a', 3), ('b', NULL);
