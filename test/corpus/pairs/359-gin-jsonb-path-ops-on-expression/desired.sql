CREATE TABLE docs (id integer PRIMARY KEY, body jsonb NOT NULL);
CREATE INDEX docs_meta_idx ON docs USING gin ((body -> 'meta') jsonb_path_ops);
CREATE INDEX docs_tsv_idx ON docs USING gin (to_tsvector('english', body ->> 'title'));
