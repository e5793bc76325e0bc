CREATE TABLE docs (id integer PRIMARY KEY, title text NOT NULL,
  slug text GENERATED ALWAYS AS (replace(lower(title), ' ', '-')) STORED CHECK (slug <> ''));
CREATE UNIQUE INDEX docs_slug_key ON docs (slug);
CREATE INDEX docs_slug_prefix_idx ON docs (slug text_pattern_ops) WHERE slug IS NOT NULL;
COMMENT ON COLUMN docs.slug IS 'url part';
