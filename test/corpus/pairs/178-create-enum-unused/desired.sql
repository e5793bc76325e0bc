CREATE TYPE user_role AS ENUM ('admin', 'editor', 'viewer');
CREATE TABLE users (id serial PRIMARY KEY, name text);
