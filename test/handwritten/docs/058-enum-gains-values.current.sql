CREATE TYPE status AS ENUM ('draft', 'published');
CREATE TYPE color AS ENUM ('red', 'green', 'blue');
CREATE TABLE items (id serial PRIMARY KEY, status status NOT NULL DEFAULT 'draft', color color);
INSERT INTO items (status, color) VALUES ('draft', 'red'), ('published', 'blue'), ('published', NULL);
