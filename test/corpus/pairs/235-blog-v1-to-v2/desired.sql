CREATE TYPE post_status AS ENUM ('draft', 'published', 'archived');
CREATE TABLE users (
    id serial PRIMARY KEY,
    email varchar(255) NOT NULL UNIQUE,
    password_hash text NOT NULL,
    display_name text,
    created timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE posts (
    id serial PRIMARY KEY,
    user_id integer NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    title varchar(200) NOT NULL,
    slug text UNIQUE,
    body text NOT NULL DEFAULT '',
    published boolean DEFAULT false,
    status post_status NOT NULL DEFAULT 'draft',
    tags text[] NOT NULL DEFAULT '{}'
);
CREATE TABLE comments (
    id bigserial PRIMARY KEY,
    post_id integer NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    author_id integer REFERENCES users (id) ON DELETE SET NULL,
    body text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX posts_user_id_idx ON posts (user_id, status);
CREATE INDEX posts_tags_idx ON posts USING gin (tags);
CREATE INDEX comments_post_id_idx ON comments (post_id);
