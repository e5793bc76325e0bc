CREATE TABLE sessions (id integer PRIMARY KEY, user_id integer NOT NULL, expires_at timestamptz, token text NOT NULL);
CREATE UNIQUE INDEX sessions_token_key ON sessions (md5(token)) INCLUDE (user_id) WHERE expires_at IS NULL;
CREATE INDEX sessions_user_recent_idx ON sessions (user_id, expires_at DESC NULLS LAST) WHERE expires_at > '2020-01-01'::timestamptz;
