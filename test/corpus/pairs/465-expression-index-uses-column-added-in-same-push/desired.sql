CREATE TABLE t (id integer PRIMARY KEY, email text NOT NULL DEFAULT 'x@y', tags jsonb);
CREATE UNIQUE INDEX t_email_key ON t (lower(email), id) INCLUDE (tags) WHERE email <> '';
CREATE INDEX t_tags_idx ON t USING gin (tags jsonb_path_ops);
