CREATE TYPE thread_state AS ENUM ('open', 'locked', 'archived');
CREATE TYPE public.reaction AS ENUM ('like', 'love', 'laugh', 'sad');
CREATE TABLE threads (
  id SERIAL PRIMARY KEY,
  title TEXT NOT NULL,
  state thread_state NOT NULL DEFAULT 'open',
  tags CHARACTER VARYING(30)[] NOT NULL DEFAULT '{}'::varchar[],
  pinned_until TIMESTAMPTZ
);
CREATE INDEX threads_tags_idx ON threads USING gin (tags);
CREATE INDEX threads_pinned_until_idx ON threads (pinned_until) WHERE pinned_until IS NOT NULL;
CREATE TABLE reactions (
  thread_id INT NOT NULL REFERENCES threads(id) ON DELETE CASCADE,
  user_id INT NOT NULL,
  kinds reaction[] NOT NULL DEFAULT '{}',
  device TEXT,
  UNIQUE NULLS NOT DISTINCT (thread_id, user_id, device)
);
INSERT INTO threads (title, tags) VALUES ('Welcome', '{meta,intro}'), ('Bugs', DEFAULT);
INSERT INTO reactions VALUES (1, 10, '{like,love}', NULL), (1, 11, '{sad}', 'phone');
