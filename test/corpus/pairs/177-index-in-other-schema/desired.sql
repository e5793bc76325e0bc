CREATE SCHEMA search;
CREATE TABLE search.documents (id integer PRIMARY KEY, body text, vec tsvector, lang varchar(8));
CREATE INDEX documents_vec_idx ON search.documents USING gin (vec);
CREATE INDEX documents_lang_idx ON search.documents (lang) WHERE lang <> 'en';
