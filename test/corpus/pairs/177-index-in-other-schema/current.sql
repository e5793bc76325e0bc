CREATE SCHEMA search;
CREATE TABLE search.documents (id integer PRIMARY KEY, body text, vec tsvector, lang varchar(8));
INSERT INTO search.documents VALUES (1, 'hello world', to_tsvector('simple', 'hello world'), 'en');
