CREATE TABLE posts (id integer PRIMARY KEY, is_published boolean NOT NULL DEFAULT false);
