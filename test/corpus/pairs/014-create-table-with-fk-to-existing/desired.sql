CREATE TABLE authors (id serial PRIMARY KEY, name text NOT NULL);
CREATE TABLE posts (
    id serial PRIMARY KEY,
    author_id integer NOT NULL REFERENCES authors (id),
    title varchar(200) NOT NULL,
    body text NOT NULL DEFAULT ''
);

CREATE TABLE comments (
    id bigserial PRIMARY KEY,
    post_id integer NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    author_id integer REFERENCES authors (id) ON DELETE SET NULL,
    body text NOT NULL,
    created_at timestamp NOT NULL DEFAULT now()
);
CREATE INDEX comments_post_id_idx ON comments (post_id);
