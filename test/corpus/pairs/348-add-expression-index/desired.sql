CREATE TABLE users (id integer PRIMARY KEY, email text NOT NULL);
CREATE UNIQUE INDEX users_email_lower_key ON users (lower(email));
CREATE INDEX ON users ((split_part(email, '@', 2)), id);
