CREATE TABLE authors (id serial PRIMARY KEY, name text NOT NULL);
CREATE TABLE posts (
    id serial PRIMARY KEY,
    author_id integer NOT NULL REFERENCES authors (id),
    title varchar(200) NOT NULL,
    body text NOT NULL DEFAULT ''
);

CREATE SCHEMA analytics;
CREATE TABLE analytics.daily_post_stats (
    post_id integer NOT NULL REFERENCES public.posts (id) ON DELETE CASCADE,
    day date NOT NULL,
    views integer NOT NULL DEFAULT 0,
    PRIMARY KEY (post_id, day)
);
