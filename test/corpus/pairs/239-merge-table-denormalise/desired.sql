CREATE TABLE users (id integer PRIMARY KEY, email text NOT NULL, bio text, avatar_url text);
