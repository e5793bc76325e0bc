CREATE TABLE users (id integer PRIMARY KEY, name text);
CREATE TABLE groups (id integer PRIMARY KEY, title text, owner_id integer REFERENCES users);
