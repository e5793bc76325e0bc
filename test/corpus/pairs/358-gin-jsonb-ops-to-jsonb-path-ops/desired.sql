CREATE TABLE docs (id integer PRIMARY KEY, body jsonb NOT NULL);
CREATE INDEX docs_body_idx ON docs USING gin (body jsonb_path_ops);
