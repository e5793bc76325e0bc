CREATE TABLE posts (
    id serial PRIMARY KEY,
    author_id integer NOT NULL,
    title varchar(200) NOT NULL,
    body text NOT NULL DEFAULT ''
);
