CREATE TABLE articles (id serial PRIMARY KEY, title text NOT NULL DEFAULT 'untitled', views integer DEFAULT 0, created date DEFAULT CURRENT_DATE);
INSERT INTO articles (title) VALUES ('a'), (DEFAULT);
