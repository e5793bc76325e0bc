CREATE SCHEMA auth;
CREATE SCHEMA content;
CREATE TABLE auth.users (id uuid PRIMARY KEY, email text NOT NULL UNIQUE);
CREATE TABLE content.posts (id serial PRIMARY KEY, author_id uuid NOT NULL REFERENCES auth.users (id) ON DELETE CASCADE, title text);
