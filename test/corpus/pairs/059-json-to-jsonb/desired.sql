CREATE TABLE documents (id integer PRIMARY KEY, doc jsonb NOT NULL DEFAULT '{}', meta jsonb);
CREATE INDEX documents_doc_idx ON documents USING gin (doc);
