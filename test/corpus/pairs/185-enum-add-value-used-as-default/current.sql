CREATE TYPE doc_state AS ENUM ('draft', 'published');
CREATE TABLE docs (id serial PRIMARY KEY, title text, state doc_state NOT NULL DEFAULT 'draft');
INSERT INTO docs (title, state) VALUES ('a', 'published'), ('b', 'draft');
