CREATE TABLE img (id serial PRIMARY KEY, url text NOT NULL);
INSERT INTO img (url) VALUES ('/a.png'), ('/b.png');
