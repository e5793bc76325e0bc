CREATE SCHEMA auth;
CREATE SCHEMA content;
CREATE TABLE auth.users (id uuid PRIMARY KEY, email text NOT NULL UNIQUE);
CREATE TABLE content.posts (id serial PRIMARY KEY, author_id uuid NOT NULL, title text);
INSERT INTO auth.users VALUES ('6ecd8c99-4036-403d-bf84-cf8400f67836', 'a@x.test');
INSERT INTO content.posts (author_id, title) VALUES ('6ecd8c99-4036-403d-bf84-cf8400f67836', 'hello');
