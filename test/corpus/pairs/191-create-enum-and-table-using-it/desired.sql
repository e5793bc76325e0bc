CREATE TYPE reaction AS ENUM ('like', 'love', 'laugh');
CREATE TABLE users (id serial PRIMARY KEY);
CREATE TABLE reactions (user_id integer NOT NULL REFERENCES users, kind reaction NOT NULL DEFAULT 'like', kinds reaction[] DEFAULT '{like}', PRIMARY KEY (user_id, kind));
