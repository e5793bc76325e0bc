CREATE TABLE authors (id serial PRIMARY KEY, name text NOT NULL);
CREATE TABLE posts (
    id serial PRIMARY KEY,
    author_id integer NOT NULL REFERENCES authors (id),
    title varchar(200) NOT NULL,
    body text NOT NULL DEFAULT ''
);

INSERT INTO authors (name) VALUES ('Ada'), ('Linus');
INSERT INTO posts (author_id, title, body) VALUES (1, 'Hello', 'First'), (2, 'Kernels', 'Second'), (1, 'Again', '');

CREATE TABLE sessions (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), author_id integer REFERENCES authors (id), expires_at timestamptz NOT NULL);
INSERT INTO sessions (author_id, expires_at) VALUES (1, '2030-01-01 00:00+00');
