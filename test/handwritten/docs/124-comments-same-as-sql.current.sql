CREATE SCHEMA docs;
CREATE TABLE docs.glossary (term text PRIMARY KEY, meaning text NOT NULL, see_also text[]);
COMMENT ON TABLE docs.glossary IS 'Terms and their meaning';
COMMENT ON COLUMN docs.glossary.term IS 'The word itself';
COMMENT ON COLUMN docs.glossary.meaning IS $$What it means; may contain 'quotes'$$;
INSERT INTO docs.glossary VALUES ('ACID', 'atomic, consistent, isolated, durable', '{MVCC}');
