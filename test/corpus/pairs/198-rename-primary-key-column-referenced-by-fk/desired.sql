CREATE TABLE users (id integer PRIMARY KEY, name text);
CREATE TABLE posts (id integer PRIMARY KEY, user_id integer REFERENCES users (id));
