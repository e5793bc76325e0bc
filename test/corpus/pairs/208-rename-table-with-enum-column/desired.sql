CREATE TYPE pet_kind AS ENUM ('cat', 'dog');
CREATE TABLE animals (id serial PRIMARY KEY, kind pet_kind NOT NULL DEFAULT 'cat', name text);
