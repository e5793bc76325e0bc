CREATE TABLE authors (id serial PRIMARY KEY, name text NOT NULL);
CREATE TABLE posts (
    id serial PRIMARY KEY,
    author_id integer NOT NULL REFERENCES authors (id),
    title varchar(200) NOT NULL,
    body text NOT NULL DEFAULT ''
);

INSERT INTO authors (name) VALUES ('Ada'), ('Linus');
INSERT INTO posts (author_id, title, body) VALUES (1, 'Hello', 'First'), (2, 'Kernels', 'Second'), (1, 'Again', '');
