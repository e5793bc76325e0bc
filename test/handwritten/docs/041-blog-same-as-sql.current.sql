-- The same blog, written by hand in SQL with other spellings.
CREATE TABLE users (
    id SERIAL PRIMARY KEY,
    email VARCHAR(255) NOT NULL UNIQUE,
    display_name TEXT,
    is_admin BOOLEAN NOT NULL DEFAULT false,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE TABLE posts (
    id BIGSERIAL PRIMARY KEY,
    author_id INTEGER NOT NULL REFERENCES users ON DELETE CASCADE,
    title CHARACTER VARYING(200) NOT NULL,
    body TEXT NOT NULL DEFAULT '',
    published_at TIMESTAMP WITH TIME ZONE
);
CREATE INDEX ON posts (author_id, published_at) WHERE (published_at IS NOT NULL);
INSERT INTO users (email, display_name) VALUES ('ann@example.com', 'Ann'), ('bob@example.com', NULL);
INSERT INTO posts (author_id, title, published_at) VALUES (1, 'Hello', now()), (1, 'Draft', NULL), (2, 'Bob''s', '2024-05-01');
