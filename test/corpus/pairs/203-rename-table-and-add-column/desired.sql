CREATE TABLE images (id serial PRIMARY KEY, url text NOT NULL, alt text NOT NULL DEFAULT '', width integer);
