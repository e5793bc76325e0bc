CREATE SCHEMA types;
CREATE TYPE types.lang AS ENUM ('en', 'de', 'fr');
CREATE TABLE docs (id integer PRIMARY KEY, lang types.lang NOT NULL DEFAULT 'en', langs types.lang[]);
CREATE INDEX docs_fr_idx ON docs (id) WHERE lang = 'fr';
