CREATE TYPE status AS ENUM ('draft', 'pending', 'published');
CREATE TABLE posts (id integer PRIMARY KEY, status status NOT NULL DEFAULT 'pending');
INSERT INTO posts VALUES (1, DEFAULT), (2, 'published');
