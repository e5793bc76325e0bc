CREATE SCHEMA types;
CREATE TYPE types.lang AS ENUM ('en', 'de');
CREATE TABLE docs (id integer PRIMARY KEY, lang text NOT NULL DEFAULT 'en', langs text[]);
INSERT INTO docs VALUES (1, 'de', '{en,de}');
