CREATE TABLE users (id integer PRIMARY KEY, email text, is_deleted boolean NOT NULL DEFAULT false);
CREATE UNIQUE INDEX users_mail_key ON users (lower(email)) WHERE NOT is_deleted;
