CREATE TABLE users (
    id serial PRIMARY KEY,
    email varchar(100) NOT NULL UNIQUE,
    password_hash text NOT NULL,
    created timestamp DEFAULT now()
);
CREATE TABLE posts (
    id serial PRIMARY KEY,
    user_id integer NOT NULL REFERENCES users (id),
    title varchar(100) NOT NULL,
    body text,
    published boolean DEFAULT false
);
CREATE TABLE comments (
    id serial PRIMARY KEY,
    post_id integer NOT NULL REFERENCES posts (id),
    body text NOT NULL
);
CREATE INDEX posts_user_id_idx ON posts (user_id);
INSERT INTO users (email, password_hash) VALUES ('ada@x.test', 'h1'), ('bob@x.test', 'h2');
INSERT INTO posts (user_id, title, body, published) VALUES (1, 'Hello', 'first', true), (2, 'Draft', NULL, false);
INSERT INTO comments (post_id, body) VALUES (1, 'nice'), (1, 'great');
UPDATE posts SET body = '' WHERE body IS NULL;
