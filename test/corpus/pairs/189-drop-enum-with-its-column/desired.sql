CREATE TABLE shirts (id serial PRIMARY KEY, color text);
