CREATE TYPE shirt_size AS ENUM ('s', 'm', 'l');
CREATE TABLE shirts (id serial PRIMARY KEY, color text, size shirt_size DEFAULT 'm');
INSERT INTO shirts (color, size) VALUES ('red', 'l'), ('blue', DEFAULT);
