CREATE TABLE users (id integer PRIMARY KEY, email text, name text);
CREATE INDEX ON users (lower(email));
CREATE INDEX usr_name_desc ON users (name DESC NULLS LAST) INCLUDE (email);
