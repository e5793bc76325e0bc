CREATE TABLE users (id integer PRIMARY KEY, mail text, deleted boolean NOT NULL DEFAULT false);
CREATE UNIQUE INDEX users_mail_key ON users (lower(mail)) WHERE NOT deleted;
INSERT INTO users VALUES (1, 'a@x', false), (2, 'A@x', true);
