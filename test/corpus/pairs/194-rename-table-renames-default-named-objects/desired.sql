CREATE TABLE users (
    id serial PRIMARY KEY,
    email text NOT NULL UNIQUE,
    referrer_id integer REFERENCES users (id),
    nick text
);
CREATE INDEX ON users (nick);
