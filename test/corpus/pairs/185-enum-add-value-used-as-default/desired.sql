CREATE TYPE doc_state AS ENUM ('draft', 'review', 'published', 'archived');
CREATE TABLE docs (id serial PRIMARY KEY, title text, state doc_state NOT NULL DEFAULT 'review');
